"""Users, roles, API tokens, sessions and the guards that enforce who may do what."""
