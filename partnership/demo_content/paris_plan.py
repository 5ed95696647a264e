"""A demo plan written in French: Paris's draft plan, in co-creation, whose draft is open for review."""

from datetime import date

from partnership.demo_content.states import CO_CREATION

PLANS = [
    {
        "member": "paris",
        "number": 1,
        "title": "Plan d'action de Paris pour un gouvernement ouvert 2027–2029 (projet)",
        "description": "Projet de plan soumis à l'avis des Parisiennes et des Parisiens avant son envoi au PGO.",
        "language": "fr",
        "start": date(2027, 1, 1),
        "end": date(2029, 12, 31),
        "status": CO_CREATION,
        "commitments": [
            {
                "number": "1",
                "title": "Publier en données ouvertes tous les marchés publics de la Ville",
                "problem": "Les marchés de faible montant ne sont publiés nulle part sous une forme réutilisable.",
                "objective": "Publier chaque mois tous les marchés attribués par la Ville, selon le standard OCDS.",
                "lead": "Ville de Paris — Direction des Finances et des Achats",
                "areas": ["open-contracting", "public-procurement"],
                "values": ("ati", "pa"),
                "milestones": [
                    ("Premier jeu de données mensuel des marchés attribués", date(2027, 6, 30), "not_started", None)
                ],
                "progress": [],
                # By the point of contact, for the partners who read English (the milestones' in the same order).
                "translations": {
                    "en": {
                        "title": "Publish all the City's public contracts as open data",
                        "problem": "Low-value contracts are published nowhere in a reusable form.",
                        "objective": "Publish every month all the contracts the City awards, following the OCDS "
                        "standard.",
                        "milestones": ["First monthly dataset of awarded contracts"],
                    }
                },
            },
            {
                "number": "2",
                "title": "Associer les conseils de quartier au suivi du budget participatif",
                "problem": "Les habitants ne savent pas où en sont les projets votés au budget participatif.",
                "objective": "Un tableau de bord public par projet, mis à jour chaque trimestre avec les conseils "
                "de quartier.",
                "lead": "Ville de Paris — Direction de la Démocratie, des Citoyen·nes et des Territoires",
                "areas": ["public-participation-in-budget-fiscal-policy", "social-accountability"],
                "values": ("cp", "pa"),
                "milestones": [
                    ("Tableau de bord des projets votés depuis 2020", date(2027, 12, 31), "not_started", None)
                ],
                "progress": [],
            },
        ],
    },
]
