"""Reference data: the Participation and Co-Creation Standards' requirements assessed by the IRM."""

from django.db import migrations

# version, code, standard, English, French, minimum, phase
REQUIREMENTS = [
    ("2021", "1.1", 1,
     "Space for dialogue: a forum of government and civil society (and other non-governmental actors as "
     "appropriate) that meets at least every six months, with basic rules on participation made public.",
     "Espace de dialogue : un forum du gouvernement et de la société civile (et d'autres acteurs non "
     "gouvernementaux le cas échéant) qui se réunit au moins tous les six mois, avec des règles de "
     "participation de base rendues publiques.",
     True, "both"),
    ("2021", "2.1", 2,
     "A public OGP website (or webpage) dedicated to the member's participation in OGP.",
     "Un site web (ou une page) OGP public consacré à la participation du membre à OGP.",
     True, "both"),
    ("2021", "2.2", 2,
     "A public document repository, part of or linked from the website, updated at least twice a year.",
     "Un répertoire public de documents, intégré au site web ou accessible depuis celui-ci, mis à jour au "
     "moins deux fois par an.",
     True, "both"),
    ("2021", "3.1", 3,
     "Advance notice: the timeline and the ways to take part are published before co-creation starts "
     "(about two weeks ahead).",
     "Préavis : le calendrier et les modalités de participation sont publiés avant le début de la "
     "co-création (environ deux semaines à l'avance).",
     True, "co_creation"),
    ("2021", "3.2", 3,
     "Outreach: awareness-raising activities with stakeholders about the co-creation process.",
     "Sensibilisation : des activités de sensibilisation des parties prenantes au processus de co-création.",
     True, "co_creation"),
    ("2021", "3.3", 3,
     "Feedback mechanism: inputs are gathered from a range of stakeholders over an adequate period.",
     "Mécanisme de contribution : des contributions sont recueillies auprès de parties prenantes variées "
     "pendant une période suffisante.",
     True, "co_creation"),
    ("2021", "4.1", 4,
     "Reasoned response: the government documents and publishes, or reports back, how contributions were "
     "considered.",
     "Réponse motivée : le gouvernement documente et publie, ou rend compte de, la manière dont les "
     "contributions ont été prises en compte.",
     True, "co_creation"),
    ("2021", "5.1", 5,
     "Information and dialogue during implementation: at least two multi-stakeholder meetings on "
     "implementation progress.",
     "Information et dialogue pendant la mise en œuvre : au moins deux réunions multipartites sur "
     "l'avancement de la mise en œuvre.",
     True, "implementation"),
    ("2017", "1a", 1, "Forum established", "Forum établi", False, "both"),
    ("2017", "1b", 1, "Regularity: the forum meets at least every quarter", "Régularité : le forum se réunit au moins chaque trimestre", False, "both"),
    ("2017", "1c", 1, "Collaborative mandate development", "Mandat élaboré de manière collaborative", False, "both"),
    ("2017", "1d", 1, "Mandate public", "Mandat public", False, "both"),
    ("2017", "2a", 2, "Multi-stakeholder forum", "Forum multipartite", False, "both"),
    ("2017", "2b", 2, "Parity between government and non-government members", "Parité entre membres gouvernementaux et non gouvernementaux", False, "both"),
    ("2017", "2c", 2, "Transparent selection of non-government members", "Sélection transparente des membres non gouvernementaux", False, "both"),
    ("2017", "2d", 2, "High-level government representation", "Représentation gouvernementale de haut niveau", False, "both"),
    ("2017", "3a", 3, "Openness: the forum accepts input from outside its members", "Ouverture : le forum accepte les contributions extérieures", False, "both"),
    ("2017", "3b", 3, "Remote participation", "Participation à distance", False, "both"),
    ("2017", "3c", 3, "Minutes published", "Comptes rendus publiés", False, "both"),
    ("2017", "4a", 4, "Process transparency", "Transparence du processus", False, "co_creation"),
    ("2017", "4b", 4, "Documentation in advance", "Documentation à l'avance", False, "co_creation"),
    ("2017", "4c", 4, "Awareness-raising", "Sensibilisation", False, "co_creation"),
    ("2017", "4d", 4, "Communication channels", "Canaux de communication", False, "co_creation"),
    ("2017", "4e", 4, "Reasoned response", "Réponse motivée", False, "co_creation"),
    ("2017", "5a", 5, "Repository", "Répertoire de documents", False, "both"),
]


def load(apps, schema_editor):
    StandardRequirement = apps.get_model("irm_reports", "StandardRequirement")
    for order, (version, code, standard, text, text_fr, minimum, phase) in enumerate(REQUIREMENTS):
        StandardRequirement.objects.update_or_create(
            version=version,
            code=code,
            defaults={
                "standard_no": standard,
                "text": text,
                "text_fr": text_fr,
                "is_minimum": minimum,
                "phase": phase,
                "order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("irm_reports", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
