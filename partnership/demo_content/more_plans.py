"""Demo action plans, second part (see the package's docstring)."""

from datetime import date

from partnership.demo_content.states import IMPLEMENTATION

PLANS = [
    {
        "member": "sekondi-takoradi",
        "number": 1,
        "title": "Sekondi-Takoradi Action Plan 2024–2026",
        "description": "Opening public infrastructure projects to citizen input and monitoring.",
        "start": date(2024, 1, 1),
        "end": date(2026, 12, 31),
        "status": IMPLEMENTATION,
        "commitments": [
            {
                "number": "1",
                "title": "Publish contract and project information for public infrastructure",
                "problem": "Residents could not compare what was promised for roads, drains and markets with what was built.",
                "objective": "The Metropolitan Assembly publishes contracts, budgets and timelines of every infrastructure project.",
                "expected_results": "All infrastructure contracts published in open data within 30 days of signature.",
                "lead": "Sekondi-Takoradi Metropolitan Assembly",
                "supporting_csos": ["Friends of the Nation"],
                "areas": ["open-contracting", "infrastructure-and-transport", "open-data"],
                "values": ("ati", "pa"),
                "milestones": [
                    (
                        "Publish all infrastructure contracts signed since 2022",
                        date(2024, 9, 30),
                        "completed",
                        date(2024, 10, 3),
                    ),
                    (
                        "Publish project timelines and budgets on the Assembly website",
                        date(2025, 6, 30),
                        "completed",
                        date(2025, 6, 20),
                    ),
                    ("Publish contracts in the Open Contracting Data Standard", date(2026, 6, 30), "in_progress", None),
                ],
                "progress": [
                    (date(2024, 12, 15), "limited", "Contracts since 2022 are online as documents."),
                    (date(2025, 9, 1), "substantial", "Timelines and budgets published for 46 projects."),
                ],
            },
            {
                "number": "2",
                "title": "Citizen monitoring groups visit project sites",
                "problem": "Disclosed data was never checked against what happens on the ground.",
                "objective": "Trained citizen monitors visit sites, compare the disclosed data with works, and report back.",
                "lead": "Sekondi-Takoradi Metropolitan Assembly",
                "supporting_csos": ["Friends of the Nation", "Western Region Coastal Foundation"],
                "areas": ["social-accountability", "infrastructure-and-transport"],
                "values": ("cp", "pa"),
                "milestones": [
                    ("Train 60 citizen monitors", date(2024, 12, 31), "completed", date(2025, 1, 25)),
                    ("Quarterly site visits and public reports", date(2026, 12, 31), "in_progress", None),
                ],
                "progress": [
                    (date(2025, 10, 1), "substantial", "Six rounds of visits; three projects corrected after reports.")
                ],
            },
        ],
    },
    {
        "member": "south-cotabato",
        "number": 2,  # OGP's data has South Cotabato's first plan (2018–2020): this demo one follows it
        "title": "South Cotabato Action Plan 2024–2026",
        "description": "Open contracting through the Integrity Circle of local leaders, civil society and business.",
        "start": date(2024, 1, 1),
        "end": date(2026, 12, 31),
        "status": IMPLEMENTATION,
        "commitments": [
            {
                "number": "1",
                "title": "Open the whole public procurement process",
                "problem": "Procurement documents were scattered across offices, which slowed bidding and hid irregularities.",
                "objective": "Through the Integrity Circle (21 local government leaders, CSOs and business), publish "
                "data and documents for every stage of procurement.",
                "expected_results": "Planning, tender, award, contract and implementation data published for all "
                "provincial procurement; shorter procurement times.",
                "lead": "Provincial Government of South Cotabato",
                "supporting_csos": ["Integrity Circle of South Cotabato"],
                "areas": ["open-contracting", "public-procurement"],
                "values": ("ati", "pa", "tech"),
                "milestones": [
                    (
                        "Publish the annual procurement plan in open data",
                        date(2024, 3, 31),
                        "completed",
                        date(2024, 3, 29),
                    ),
                    ("Publish tender, award and contract documents", date(2025, 3, 31), "completed", date(2025, 5, 2)),
                    ("Publish implementation and payment data", date(2026, 9, 30), "in_progress", None),
                ],
                "progress": [
                    (date(2025, 6, 1), "substantial", "Documents of four of five procurement stages are online.")
                ],
            },
        ],
    },
    {
        "member": "elgeyo-marakwet",
        "number": 1,
        "title": "Elgeyo Marakwet Action Plan 2024–2026",
        "description": "Simplified budget information and sector working groups with civil society.",
        "start": date(2024, 1, 1),
        "end": date(2026, 12, 31),
        "status": IMPLEMENTATION,
        "commitments": [
            {
                "number": "1",
                "title": "Simplified budget information and budget models",
                "problem": "County budget documents were too technical for residents to follow.",
                "objective": "Publish citizen budgets and simplified budget models with civil society partners.",
                "lead": "County Government of Elgeyo Marakwet",
                "supporting_csos": ["Elgeyo Marakwet CSO Network"],
                "areas": ["publication-of-budget-fiscal-information"],
                "values": ("ati",),
                "milestones": [
                    (
                        "Publish the citizen budget for the fiscal year",
                        date(2024, 7, 31),
                        "completed",
                        date(2024, 7, 30),
                    ),
                    ("Publish simplified budget models per ward", date(2025, 7, 31), "completed", date(2025, 8, 10)),
                ],
                "progress": [
                    (
                        date(2025, 8, 15),
                        "substantial",
                        "Citizen budget and ward models published in English and Swahili.",
                    )
                ],
            },
            {
                "number": "2",
                "title": "Sector working groups for participation",
                "problem": "Residents took part in budget hearings once a year, with no follow-up.",
                "objective": "Establish sector working groups of county officials and civil society that meet quarterly.",
                "lead": "County Government of Elgeyo Marakwet",
                "areas": ["public-participation-in-budget-fiscal-policy"],
                "values": ("cp",),
                "milestones": [
                    ("Establish the sector working groups", date(2024, 12, 31), "completed", date(2024, 11, 30))
                ],
                "progress": [(date(2025, 3, 1), "complete", "Six sector working groups meet every quarter.")],
            },
        ],
    },
    {
        "member": "buenos-aires",
        "number": 1,
        "title": "Buenos Aires Open Government Action Plan 2024–2026",
        "description": "Co-creating solutions for the justice sector.",
        "start": date(2024, 1, 1),
        "end": date(2026, 12, 31),
        "status": IMPLEMENTATION,
        "commitments": [
            {
                "number": "1",
                "title": "JusLab: a space to co-create solutions for the justice sector",
                "problem": "Justice services were designed without the people who use them.",
                "objective": "Create JusLab, a space to discuss, co-create and design solutions to problems of the "
                "justice sector using transparency, access to information, accountability and collaboration.",
                "lead": "Council of the Magistracy of the City of Buenos Aires",
                "supporting_csos": ["ACIJ — Civil Association for Equality and Justice"],
                "areas": ["open-justice", "access-to-justice"],
                "values": ("ati", "cp", "pa"),
                "milestones": [
                    ("Open JusLab with its first co-creation cycle", date(2024, 9, 30), "completed", date(2024, 9, 12)),
                    ("Publish judicial statistics in open data", date(2025, 12, 31), "in_progress", None),
                ],
                "progress": [
                    (date(2025, 5, 1), "limited", "Two co-creation cycles held; open data under preparation.")
                ],
            },
        ],
    },
    {
        "member": "austin",
        "number": 1,
        "title": "Austin Open Government Action Plan 2024–2026",
        "description": "Designing public services with people experiencing homelessness.",
        "start": date(2024, 1, 1),
        "end": date(2026, 12, 31),
        "status": IMPLEMENTATION,
        "commitments": [
            {
                "number": "1",
                "title": "Services for people experiencing homelessness designed with them",
                "problem": "Storage, health and housing services did not meet the needs of the people they serve.",
                "objective": "Work with people experiencing homelessness so that storage, health and housing "
                "placement services answer their needs.",
                "lead": "City of Austin — Office of Design and Delivery",
                "areas": ["health-and-nutrition", "social-accountability"],
                "values": ("cp",),
                "milestones": [
                    (
                        "Open secure storage lockers designed with users",
                        date(2025, 3, 31),
                        "completed",
                        date(2025, 4, 15),
                    )
                ],
                "progress": [
                    (date(2025, 6, 1), "limited", "Lockers open; health and housing services under redesign.")
                ],
            },
        ],
    },
    {
        "member": "basque-country",
        "number": 1,
        "title": "Basque Country Open Government Action Plan 2024–2026",
        "description": "An innovation lab for civic participation.",
        "start": date(2024, 1, 1),
        "end": date(2026, 12, 31),
        "status": IMPLEMENTATION,
        "commitments": [
            {
                "number": "1",
                "title": "I-lab: an innovation lab for civic participation",
                "problem": "Migrants and young people rarely took part in public decisions.",
                "objective": "A partnership of organisations pilots initiatives that encourage the participation of "
                "migrants and improve participatory budgeting.",
                "lead": "Basque Government — Directorate of Open Government",
                "supporting_gov": ["Provincial Council of Gipuzkoa"],
                "areas": ["mainstreaming-participation", "public-participation-in-budget-fiscal-policy"],
                "values": ("cp", "tech"),
                "milestones": [
                    ("Launch the I-lab partnership", date(2024, 6, 30), "completed", date(2024, 6, 20)),
                    ("Pilot participatory budgeting with migrant associations", date(2026, 6, 30), "in_progress", None),
                ],
                "progress": [
                    (date(2025, 9, 30), "substantial", "Three pilots run; one municipality adopted the method.")
                ],
            },
        ],
    },
]
