"""Demo action plans drawn from the reforms OGP Local members have led (OGP's own descriptions).

Dates are illustrative; texts paraphrase the published reforms. Loaded by `manage.py seed_demo`.
"""

from partnership.demo_content import first_plans, more_plans, paris_plan

DEMO_PLANS = [*first_plans.PLANS, *more_plans.PLANS, *paris_plan.PLANS]
