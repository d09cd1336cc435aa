from opportunity_bank.cli import main

raise SystemExit(main())
