"""Plan states as the demo content names them."""

IMPLEMENTATION = "implementation"
COMPLETED = "completed"
CO_CREATION = "co_creation"
