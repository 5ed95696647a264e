"""Demo action plans drawn from the reforms OGP Local members have led (OGP's own descriptions).

Dates are illustrative; texts paraphrase the published reforms. Loaded by `manage.py seed_demo`.
"""

from datetime import date

IMPLEMENTATION = "implementation"
COMPLETED = "completed"
CO_CREATION = "co_creation"

# Milestone tuples: (description, due date, final status, completed on)
# Progress tuples: (reported on, completion, text)
DEMO_PLANS = [
    {
        "member": "kaduna-state",
        "number": 1,
        "title": "Kaduna State Open Government Action Plan 2021–2023",
        "description": "Citizen participation in budgeting and in monitoring the delivery of state-funded projects.",
        "start": date(2021, 1, 1),
        "end": date(2023, 12, 31),
        "status": COMPLETED,
        "commitments": [
            {
                "number": "1",
                "title": "Citizen-led tracking of state-funded projects through the Kaduna Citizen Feedback app",
                "problem": "Citizens could not follow whether capital projects in the approved budget were delivered, "
                "and complaints about abandoned projects went unanswered.",
                "status_quo": "Budget documents are published once a year as PDF files; there is no channel for "
                "communities to report on the state of projects in their ward.",
                "objective": "Let citizens track every state-funded project, report on its progress with photos, "
                "and receive an answer from the responsible ministry.",
                "expected_results": "Every capital project listed with location and budget; reports from all 23 "
                "local government areas; a response to each report within 30 days.",
                "lead": "Kaduna State Planning and Budget Commission",
                "supporting_gov": ["Kaduna State Bureau of Public Procurement"],
                "supporting_csos": ["Open Kaduna Civil Society Network"],
                "areas": ["fiscal-openness", "publication-of-budget-fiscal-information", "social-accountability"],
                "values": ("ati", "cp", "pa", "tech"),
                "milestones": [
                    (
                        "Publish all capital projects of the approved budget with their location",
                        date(2021, 6, 30),
                        "completed",
                        date(2021, 6, 15),
                    ),
                    (
                        "Launch the Kaduna Citizen Feedback app and its SMS channel",
                        date(2021, 12, 31),
                        "completed",
                        date(2021, 11, 20),
                    ),
                    (
                        "Train community monitors in the 23 local government areas",
                        date(2022, 9, 30),
                        "completed",
                        date(2022, 10, 12),
                    ),
                    (
                        "Publish a quarterly report of citizen feedback and ministry responses",
                        date(2023, 12, 31),
                        "completed",
                        date(2023, 12, 15),
                    ),
                ],
                "progress": [
                    (
                        date(2022, 3, 1),
                        "limited",
                        "The app is live; 1,200 project reports received in its first quarter.",
                    ),
                    (
                        date(2023, 6, 30),
                        "substantial",
                        "Monitors trained in all LGAs; ministries answered 78 % of reports.",
                    ),
                    (
                        date(2023, 12, 20),
                        "complete",
                        "All milestones met; the quarterly feedback report is now a standing publication.",
                    ),
                ],
            },
            {
                "number": "2",
                "title": "Participatory needs assessment before the annual budget call",
                "problem": "Budget priorities were set without consulting the communities they serve.",
                "objective": "Hold a needs assessment in every local government area and publish how it shaped the budget.",
                "expected_results": "Community charters of needs for all 23 LGAs, published with the budget call circular.",
                "lead": "Kaduna State Planning and Budget Commission",
                "supporting_csos": ["Open Kaduna Civil Society Network"],
                "areas": ["public-participation-in-budget-fiscal-policy", "mainstreaming-participation"],
                "values": ("cp", "pa"),
                "milestones": [
                    (
                        "Hold town-hall needs assessments in the 23 LGAs",
                        date(2022, 7, 31),
                        "completed",
                        date(2022, 8, 5),
                    ),
                    ("Publish the community charters of needs", date(2022, 9, 30), "completed", date(2022, 9, 28)),
                ],
                "progress": [
                    (
                        date(2022, 10, 1),
                        "complete",
                        "Charters published for all LGAs and cited in the 2023 budget call.",
                    )
                ],
            },
        ],
    },
    {
        "member": "madrid",
        "number": 1,
        "title": "Madrid Open Government Action Plan 2017–2019",
        "description": "Transparency of decision-making in the city council, starting with lobbying.",
        "start": date(2017, 1, 1),
        "end": date(2019, 6, 30),
        "status": COMPLETED,
        "commitments": [
            {
                "number": "1",
                "title": "Mandatory register of lobbyists",
                "problem": "Meetings between interest groups and city officials were not recorded, so the public "
                "could not know who sought to influence municipal decisions.",
                "objective": "Create a mandatory, public register of interest groups and publish the agendas of "
                "meetings held with them.",
                "expected_results": "All interest groups that meet city officials are registered; agendas of those "
                "meetings published.",
                "lead": "Madrid City Council — Transparency Department",
                "supporting_csos": ["Access Info Europe", "Transparency International Spain"],
                "areas": ["lobbying", "anti-corruption-and-integrity", "open-data"],
                "values": ("ati", "pa", "tech"),
                "milestones": [
                    ("Adopt the regulation creating the register", date(2017, 6, 30), "completed", date(2017, 5, 31)),
                    ("Launch the register's online platform", date(2018, 1, 31), "completed", date(2018, 1, 8)),
                    (
                        "Publish the agendas of meetings with registered groups",
                        date(2018, 12, 31),
                        "completed",
                        date(2018, 11, 30),
                    ),
                ],
                "progress": [
                    (
                        date(2018, 2, 1),
                        "substantial",
                        "In January 2018, the platform's first month, 50 stakeholders registered.",
                    ),
                    (
                        date(2019, 6, 1),
                        "complete",
                        "The register and the published agendas are in force; registrations keep growing.",
                    ),
                ],
            },
        ],
    },
    {
        "member": "madrid",
        "number": 2,
        "title": "Madrid Open Government Action Plan 2026–2028",
        "description": "Draft plan in co-creation with the city's open government forum.",
        "start": date(2026, 7, 1),
        "end": date(2028, 6, 30),
        "status": CO_CREATION,
        "commitments": [
            {
                "number": "1",
                "title": "Extend the lobby register to district boards",
                "problem": "District boards take decisions on licences and local works without the transparency "
                "rules that apply at city level.",
                "objective": "Apply the lobby register and the publication of meeting agendas to all 21 district boards.",
                "lead": "Madrid City Council — Transparency Department",
                "areas": ["lobbying"],
                "values": ("ati", "pa"),
                "milestones": [
                    ("Amend the register's regulation to cover district boards", date(2027, 3, 31), "not_started", None)
                ],
                "progress": [],
            },
        ],
    },
    {
        "member": "la-libertad",
        "number": 1,
        "title": "La Libertad Regional Open Government Action Plan 2021–2023",
        "description": "Citizen participation in regional lawmaking, with a focus on women and rural citizens.",
        "start": date(2021, 1, 1),
        "end": date(2023, 12, 31),
        "status": COMPLETED,
        "commitments": [
            {
                "number": "1",
                "title": "“Decide La Libertad”: citizens suggest, discuss and vote on regional legislative proposals",
                "problem": "Regional ordinances were drafted without any channel for citizens to propose or debate them.",
                "objective": "Extend the Decide La Libertad portal so citizens can suggest, discuss and vote on "
                "legislative proposals of the Regional Council.",
                "expected_results": "Citizen proposals reach the Regional Council agenda; debates open on every draft ordinance.",
                "lead": "Regional Government of La Libertad",
                "supporting_gov": ["Regional Council of La Libertad"],
                "supporting_csos": ["Proética"],
                "areas": ["digital-participation", "participation-in-lawmaking"],
                "values": ("cp", "tech"),
                "milestones": [
                    (
                        "Open legislative proposals on the Decide La Libertad portal",
                        date(2021, 9, 30),
                        "completed",
                        date(2021, 10, 15),
                    ),
                    (
                        "Regional Council rules: debate the most supported proposals",
                        date(2022, 6, 30),
                        "completed",
                        date(2022, 7, 20),
                    ),
                ],
                "progress": [
                    (
                        date(2023, 11, 30),
                        "substantial",
                        "Portal extended; two citizen proposals debated by the Council.",
                    )
                ],
            },
            {
                "number": "2",
                "title": "Bridge the digital divide for women and rural citizens",
                "problem": "Women and rural citizens took little part in online consultations.",
                "objective": "Set up assisted participation points in rural districts and run outreach with women's organisations.",
                "lead": "Regional Government of La Libertad",
                "supporting_csos": ["Women's Network of La Libertad"],
                "areas": ["digital-inclusion", "gender"],
                "values": ("cp",),
                "milestones": [
                    (
                        "Open 12 assisted participation points in rural districts",
                        date(2022, 12, 31),
                        "completed",
                        date(2023, 2, 28),
                    ),
                    ("Reach parity in participation on the portal", date(2023, 12, 31), "delayed", None),
                ],
                "progress": [
                    (date(2023, 12, 1), "limited", "Participation points open; women are 41 % of participants.")
                ],
            },
        ],
    },
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
