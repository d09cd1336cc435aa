"""Web plumbing shared by every area: templating, errors, health, security headers."""
