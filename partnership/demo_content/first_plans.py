"""Demo action plans, first part (see the package's docstring)."""

from datetime import date

from partnership.demo_content.states import CO_CREATION, COMPLETED

# Milestone tuples: (description, due date, final status, completed on)
# Progress tuples: (reported on, completion, text)
PLANS = [
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
]
