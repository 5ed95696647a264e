"""Texts of the lively demo consultations (consultations.demo_lively), each written in its consultation's
language: Sekondi-Takoradi in English, Buenos Aires in Spanish, Paris in French.

Proposal tuples: (author, title, problem, solution, policy area slug, response) where the response is
None (still awaiting one) or (outcome, reasons). Authors index PARTICIPANTS.
"""

A, M, N = "accepted", "merged", "not_accepted"

PARTICIPANTS = [
    ("akosua.boateng@demo.ogp.example", "Akosua Boateng"),
    ("yaw.asante@demo.ogp.example", "Yaw Asante"),
    ("efua.quaye@demo.ogp.example", "Efua Quaye"),
    ("valentina.sosa@demo.ogp.example", "Valentina Sosa"),
    ("martin.acosta@demo.ogp.example", "Martín Acosta"),
    ("lucia.ferreyra@demo.ogp.example", "Lucía Ferreyra"),
    ("claire.moreau@demo.ogp.example", "Claire Moreau"),
    ("karim.benali@demo.ogp.example", "Karim Benali"),
    ("sophie.lambert@demo.ogp.example", "Sophie Lambert"),
    ("participant@demo.ogp.example", "Amina Bello"),
]

SEKONDI = {
    "member": "sekondi-takoradi",
    "title": "Ideas for the next Sekondi-Takoradi action plan",
    "language": "en",
    "kind": "proposals",
    "description": "The Metropolitan Assembly asked residents, traders and community groups what its next open "
    "government plan should change. **The call closed early** so that the forum could review every proposal "
    "before the budget hearings.",
    "end_early": "The forum asked to review the proposals before the budget hearings; thank you for your ideas.",
    "comments": [
        "Our market association would help collect the feedback from traders.",
        "This matters most in the fishing communities, where notices rarely arrive in time.",
        "Could the Assembly publish a timetable for this?",
    ],
    "proposals": [
        (
            0,
            "Publish every contract for roads and drains with its site map",
            "Residents cannot tell which company repairs which drain, or by when.",
            "Post each contract with a map, the contractor and the deadline on the "
            "Assembly's website and on a board at the site.",
            "open-contracting",
            (M, "Merged into commitment 1: site boards and the online map will carry the contract and its deadline."),
        ),
        (
            1,
            "Quarterly town hall on the budget in each sub-metro",
            "Budget hearings happen once a year in the city centre, far from most residents.",
            "Hold a town hall each quarter in every sub-metro, with the budget summarised in English and Fante.",
            "public-participation-in-budget-fiscal-policy",
            (A, "Accepted: the first sub-metro town halls will be held next quarter; dates will be posted here."),
        ),
        (
            2,
            "SMS alerts when a reported pothole is repaired",
            "Citizens report potholes but never hear back.",
            "Send an SMS to the reporter when the work order is opened and when it is closed.",
            "infrastructure-and-transport",
            (M, "Merged into commitment 1, which adds status alerts to the reporting line."),
        ),
        (
            0,
            "Open data on market tolls collected",
            "Traders pay daily tolls without knowing what they fund.",
            "Publish monthly toll receipts per market and what they paid for.",
            "fiscal-openness",
            (A, "Accepted: the revenue unit will publish the monthly figures from January."),
        ),
        (
            1,
            "Free Wi-Fi in every public library",
            "Young people lack internet access to follow the Assembly's work.",
            "Install free Wi-Fi in the three public libraries.",
            "digital-inclusion",
            (N, "Not accepted in this plan: libraries are run by the regional service, which we will refer it to."),
        ),
        (
            2,
            "Women traders on the procurement committee",
            "Market women are the main users of market facilities but have no say in their procurement.",
            "Reserve two seats for women traders' associations on the committee that awards market works.",
            "gender",
            (A, "Accepted: the committee's rules will be amended and the associations invited to nominate members."),
        ),
        (
            0,
            "A public register of the Assembly's land leases",
            "Disputes over land allocations are frequent and nobody can check who holds a lease.",
            "Publish every lease granted by the Assembly with its holder, term and rent.",
            "anti-corruption-and-integrity",
            (M, "Merged into commitment 2 on the publication of the Assembly's revenue sources."),
        ),
        (
            1,
            "Live radio broadcast of Assembly sessions",
            "Few residents can attend sessions in person.",
            "Broadcast the general assembly sessions on community radio.",
            "mainstreaming-participation",
            (
                N,
                "Not accepted: the cost of airtime is beyond this plan's budget; recordings will be published instead.",
            ),
        ),
        (
            2,
            "Bring back the sanitation committees in each zone",
            "Waste collection complaints go unanswered.",
            "Re-establish zonal sanitation committees that meet the waste contractor monthly.",
            "social-accountability",
            (N, "Not accepted as proposed: waste services are under a national contract under review."),
        ),
        (
            0,
            "Braille and audio versions of the budget summary",
            "Residents with visual impairments cannot read the budget.",
            "Produce the citizens' budget in braille and as an audio file.",
            "digital-inclusion",
            None,
        ),
        (
            1,
            "Track the delivery of school furniture",
            "Furniture paid for in the budget does not reach schools.",
            "Publish deliveries per school and let head teachers confirm receipt.",
            "social-accountability",
            None,
        ),
        (
            2,
            "A youth seat on the open government forum",
            "Young people are a majority of the city but absent from the forum.",
            "Add a seat for a youth organisation, chosen by the youth groups themselves.",
            "mainstreaming-participation",
            None,
        ),
    ],
}

BUENOS_AIRES = {
    "member": "buenos-aires",
    "title": "Propuestas para el próximo plan de gobierno abierto de Buenos Aires",
    "language": "es",
    "kind": "proposals",
    "description": "La Ciudad invita a vecinas, vecinos y organizaciones a **proponer compromisos** para su próximo "
    "plan de acción. Cada propuesta recibirá una respuesta fundamentada.",
    "end_early": "",
    "comments": [
        "Muy buena idea: en mi barrio nadie sabe cuándo se resuelven los reclamos.",
        "Sumaría que los datos se publiquen en formato abierto y no solo en PDF.",
        "¿Se podría empezar con una comuna piloto?",
    ],
    "proposals": [
        (
            3,
            "Datos abiertos sobre los tiempos de la justicia contravencional",
            "Nadie sabe cuánto tarda un expediente contravencional.",
            "Publicar cada mes la duración de los expedientes por tipo de falta.",
            "open-justice",
            (A, "Aceptada: el Consejo de la Magistratura publicará el primer informe en marzo."),
        ),
        (
            4,
            "Registro público de reuniones con lobistas en la Legislatura",
            "Las reuniones de legisladores con grupos de interés no quedan registradas.",
            "Crear un registro en línea de audiencias con el tema tratado.",
            "lobbying",
            (N, "No aceptada en este plan: corresponde a la Legislatura, a la que la remitimos."),
        ),
        (
            5,
            "Presupuesto participativo con seguimiento en línea",
            "Los proyectos votados se pierden de vista.",
            "Un tablero que muestre el avance y el gasto de cada proyecto votado.",
            "public-participation-in-budget-fiscal-policy",
            (A, "Aceptada: el tablero se sumará al portal de presupuesto participativo."),
        ),
        (
            3,
            "Mapa de obras públicas con fecha de finalización",
            "Las obras en la vía pública no indican plazos.",
            "Un mapa con cada obra, la empresa, el monto y la fecha prevista de fin.",
            "open-contracting",
            None,
        ),
        (
            4,
            "Lenguaje claro en las resoluciones administrativas",
            "Las resoluciones son incomprensibles para la mayoría.",
            "Un resumen en lenguaje claro al inicio de cada resolución.",
            "access-to-justice",
            None,
        ),
        (
            5,
            "Audiencias públicas también en horario nocturno",
            "Quien trabaja no puede asistir a las audiencias.",
            "Realizar al menos una sesión nocturna y transmitirla en vivo.",
            "mainstreaming-participation",
            None,
        ),
        (
            3,
            "Compras públicas con datos de proveedores",
            "No se sabe quiénes son los dueños de los proveedores.",
            "Publicar los beneficiarios finales de las empresas que contratan con la Ciudad.",
            "public-procurement",
            None,
        ),
        (
            4,
            "Consulta a jóvenes sobre el transporte nocturno",
            "Los jóvenes no son consultados sobre el transporte.",
            "Una consulta anual con escuelas y centros juveniles.",
            "infrastructure-and-transport",
            None,
        ),
        (
            5,
            "Datos de calidad del aire por barrio",
            "Las mediciones están agregadas para toda la ciudad.",
            "Publicar las mediciones de cada estación en tiempo real.",
            "open-data",
            None,
        ),
    ],
}

PARIS = {
    "member": "paris",
    "title": "Donnez votre avis sur le projet de plan d'action de Paris",
    "language": "fr",
    "kind": "draft_review",
    "description": "La Ville soumet son **projet de plan** à l'avis de toutes et tous avant de l'envoyer au PGO. "
    "Proposez des modifications aux engagements ou de nouveaux jalons.",
    "end_early": "",
    "comments": [
        "Tout à fait d'accord, et il faudrait un calendrier précis.",
        "Les conseils de quartier sont prêts à y contribuer.",
        "Pensez aussi aux personnes qui n'ont pas accès à internet.",
    ],
    "proposals": [
        (
            6,
            "Publier aussi les avenants aux marchés",
            "Le projet d'engagement 1 ne couvre que l'attribution des marchés, pas leurs modifications.",
            "Ajouter un jalon : publication de chaque avenant avec son montant.",
            "open-contracting",
            None,
        ),
        (
            7,
            "Un calendrier trimestriel pour le tableau de bord",
            "L'engagement 2 ne fixe pas de rythme de mise à jour.",
            "Mettre à jour le tableau de bord chaque trimestre, avec la date de la dernière mise à jour.",
            "social-accountability",
            None,
        ),
        (
            8,
            "Associer les associations de personnes handicapées",
            "Le projet ne prévoit rien pour l'accessibilité des données publiées.",
            "Tester chaque publication avec des associations de personnes handicapées.",
            "digital-inclusion",
            None,
        ),
        (
            6,
            "Un registre des représentants d'intérêts municipal",
            "Les rencontres entre élus et lobbies ne sont pas publiques.",
            "Créer un registre public des rencontres des adjoints avec des représentants d'intérêts.",
            "lobbying",
            None,
        ),
        (
            7,
            "Des ateliers dans les mairies d'arrondissement",
            "La consultation en ligne ne touche pas tout le monde.",
            "Organiser un atelier par arrondissement avant l'adoption du plan.",
            "mainstreaming-participation",
            None,
        ),
        (
            8,
            "Publier les données des subventions aux associations",
            "Les subventions sont votées en bloc.",
            "Publier chaque subvention avec son objet et son bénéficiaire, en données ouvertes.",
            "fiscal-openness",
            None,
        ),
    ],
}

CONSULTATIONS = [SEKONDI, BUENOS_AIRES, PARIS]
