"""The words of the website's interface in English, French and Dutch.

Data (titles, texts, labels) is shown in the language it carries; these strings are
only the interface around it.
"""

from __future__ import annotations

from datetime import date

from ..months import DUTCH_MONTH_NAMES, FRENCH_MONTH_NAMES

LANGUAGES = ("en", "fr", "nl")
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "nl": "Nederlands"}

_STRINGS: dict[str, tuple[str, str, str]] = {
    # key: (en, fr, nl)
    "site_title": (
        "Senate written questions",
        "Questions écrites du Sénat",
        "Schriftelijke vragen van de Senaat",
    ),
    "skip": ("Skip to content", "Aller au contenu", "Naar de inhoud"),
    "home": ("Home", "Accueil", "Home"),
    "questions": ("Questions", "Questions", "Vragen"),
    "persons": ("Senators", "Sénateurs", "Senatoren"),
    "parties": ("Parties", "Partis", "Partijen"),
    "ministries": ("Ministries", "Ministères", "Ministeries"),
    "descriptors": ("Descriptors", "Descripteurs", "Descriptoren"),
    "dataset": ("Dataset", "Jeu de données", "Dataset"),
    "search": ("Search", "Rechercher", "Zoeken"),
    "search_label": (
        "Words in the titles, questions and answers",
        "Mots des titres, questions et réponses",
        "Woorden uit de titels, vragen en antwoorden",
    ),
    "search_texts": (
        "Search the texts in",
        "Chercher dans les textes en",
        "Zoeken in de teksten in",
    ),
    "search_filters": ("Narrow down", "Affiner", "Verfijnen"),
    "search_any": ("any", "tous", "alle"),
    "search_result": ("result", "résultat", "resultaat"),
    "search_results": ("results", "résultats", "resultaten"),
    "search_no_results": (
        "No question matches.",
        "Aucune question ne correspond.",
        "Geen enkele vraag komt overeen.",
    ),
    "search_more": ("More results", "Plus de résultats", "Meer resultaten"),
    "search_everywhere": ("every legislature", "toutes les législatures", "alle zittingsperiodes"),
    "search_in_every_legislature": (
        "Search every legislature",
        "Chercher dans toutes les législatures",
        "Zoeken in alle zittingsperiodes",
    ),
    "search_unknown_legislature": (
        "Legislature not known",
        "Législature inconnue",
        "Onbekende zittingsperiode",
    ),
    "search_loading": (
        "Loading the search index…",
        "Chargement de l'index…",
        "De zoekindex wordt geladen…",
    ),
    "search_failed": (
        "The search index could not be loaded.",
        "L'index de recherche n'a pas pu être chargé.",
        "De zoekindex kon niet worden geladen.",
    ),
    "search_needs_javascript": (
        "Searching needs JavaScript, which is off in this browser. Every question is also reachable from the indexes:",
        "La recherche demande JavaScript, désactivé dans ce navigateur. Chaque question est aussi accessible par les index :",
        "Zoeken vraagt JavaScript, dat in deze browser uit staat. Elke vraag is ook bereikbaar via de indexen:",
    ),
    "facet_ministry": ("Ministry", "Ministère", "Ministerie"),
    "facet_party": ("Party", "Parti", "Partij"),
    "facet_author": ("Senator", "Sénateur", "Senator"),
    "facet_descriptor": ("Descriptor", "Descripteur", "Descriptor"),
    "facet_legislature": ("Legislature", "Législature", "Zittingsperiode"),
    "facet_session": ("Session", "Session", "Zitting"),
    "facet_status": ("Status", "Statut", "Status"),
    "facet_year": ("Year sent", "Année d'envoi", "Jaar van verzending"),
    "language_fr": ("French", "français", "Frans"),
    "language_nl": ("Dutch", "néerlandais", "Nederlands"),
    "ontology": ("Ontology", "Ontologie", "Ontologie"),
    "shapes": ("SHACL shapes", "Formes SHACL", "SHACL-vormen"),
    "validation": ("Validation report", "Rapport de validation", "Validatierapport"),
    "language": ("Language", "Langue", "Taal"),
    "question": ("Written question", "Question écrite", "Schriftelijke vraag"),
    "answer": ("Answer", "Réponse", "Antwoord"),
    "no_answer": ("No answer yet.", "Pas encore de réponse.", "Nog geen antwoord."),
    "status": ("Status", "Statut", "Status"),
    "status_Answered": ("answered", "répondue", "beantwoord"),
    "status_AwaitingAnswer": ("awaiting an answer", "en attente de réponse", "wacht op antwoord"),
    "status_ClosedWithoutAnswer": (
        "closed without answer",
        "clôturée sans réponse",
        "gesloten zonder antwoord",
    ),
    "status_Lapsed": (
        "lapsed at the end of the legislature",
        "caduque à la fin de la législature",
        "vervallen aan het einde van de zittingsperiode",
    ),
    "no_answer_Answered": ("Answered.", "Répondue.", "Beantwoord."),
    "no_answer_AwaitingAnswer": ("No answer yet.", "Pas encore de réponse.", "Nog geen antwoord."),
    "no_answer_ClosedWithoutAnswer": (
        "Closed without an answer.",
        "Clôturée sans réponse.",
        "Gesloten zonder antwoord.",
    ),
    "no_answer_Lapsed": (
        "Not answered before the end of the legislature.",
        "Sans réponse à la fin de la législature.",
        "Niet beantwoord vóór het einde van de zittingsperiode.",
    ),
    "answer_deadline": ("Answer due by", "Fin du délai de réponse", "Einde van de antwoordtermijn"),
    "date_closed": ("Closed on", "Clôturée le", "Gesloten op"),
    "reintroduced_as": ("Reintroduced as", "Réintroduite comme", "Heringediend als"),
    "reintroduces": ("Reintroduces", "Réintroduction de", "Herindiening van"),
    "author": ("Author", "Auteur", "Auteur"),
    "party": ("Party", "Parti", "Partij"),
    "addressed_to": ("Addressed to", "Adressée à", "Gericht aan"),
    "date_sent": ("Sent", "Envoyée le", "Verzonden op"),
    "date_answered": ("Answered", "Réponse le", "Beantwoord op"),
    "delay": ("Answer delay", "Délai de réponse", "Antwoordtermijn"),
    "days": ("days", "jours", "dagen"),
    "legislature": ("Legislature", "Législature", "Zittingsperiode"),
    "session": ("Session", "Session", "Zitting"),
    "identifier": ("Number", "Numéro", "Nummer"),
    "original_language": ("Asked in", "Posée en", "Gesteld in"),
    "lang_fr": ("French", "français", "het Frans"),
    "lang_nl": ("Dutch", "néerlandais", "het Nederlands"),
    "original": ("original", "original", "origineel"),
    "translation": ("translation", "traduction", "vertaling"),
    "siblings": ("Also asked as", "Aussi posée comme", "Ook gesteld als"),
    "official_page": (
        "Official page on senate.be",
        "Page officielle sur senate.be",
        "Officiële pagina op senate.be",
    ),
    "stub": (
        "This question is known only by its number: it was sent with a question of this dataset, but its document is not in the corpus.",
        "Cette question n'est connue que par son numéro : elle a été envoyée avec une question de ce jeu de données, mais son document ne fait pas partie du corpus.",
        "Deze vraag is alleen bekend bij haar nummer: ze werd verzonden met een vraag uit deze dataset, maar haar document zit niet in het corpus.",
    ),
    "question_text": ("Question", "Question", "Vraag"),
    "text_not_read": (
        "Not in the corpus: this question was read from its page in the other language only.",
        "Absent du corpus : cette question a été lue sur sa seule page dans l'autre langue.",
        "Niet in het corpus: deze vraag werd alleen gelezen van haar pagina in de andere taal.",
    ),
    "french": ("Français", "Français", "Frans"),
    "dutch": ("Nederlands", "Néerlandais", "Nederlands"),
    "eurovoc": ("EuroVoc concept", "Concept EuroVoc", "EuroVoc-concept"),
    "members": ("Members", "Membres", "Leden"),
    "member_of": ("Member of", "Membre de", "Lid van"),
    "questions_count": ("questions", "questions", "vragen"),
    "answered_count": ("answered", "avec réponse", "beantwoord"),
    "awaiting_count": ("awaiting an answer", "en attente de réponse", "wachten op antwoord"),
    "closed_count": ("closed without answer", "clôturées sans réponse", "gesloten zonder antwoord"),
    "lapsed_count": ("lapsed", "caduques", "vervallen"),
    "median_delay": ("Median answer delay", "Délai médian de réponse", "Mediane antwoordtermijn"),
    "page": ("Page", "Page", "Pagina"),
    "previous": ("Previous", "Précédente", "Vorige"),
    "next": ("Next", "Suivante", "Volgende"),
    "machine_readable": ("This page as data", "Cette page en données", "Deze pagina als data"),
    "properties": ("All statements", "Toutes les déclarations", "Alle uitspraken"),
    "shown_above": ("shown above", "affiché plus haut", "hierboven weergegeven"),
    "property": ("Property", "Propriété", "Eigenschap"),
    "value": ("Value", "Valeur", "Waarde"),
    "key_figures": ("Key figures", "Chiffres clés", "Kerncijfers"),
    "questions_per_month": ("Questions per month", "Questions par mois", "Vragen per maand"),
    "median_delay_per_ministry": (
        "Median answer delay per ministry (days)",
        "Délai médian de réponse par ministère (jours)",
        "Mediane antwoordtermijn per ministerie (dagen)",
    ),
    "top_descriptors": (
        "Most used descriptors",
        "Descripteurs les plus utilisés",
        "Meest gebruikte descriptoren",
    ),
    "chart_data": ("The figures", "Les chiffres", "De cijfers"),
    "month": ("Month", "Mois", "Maand"),
    "downloads": ("Downloads", "Téléchargements", "Downloads"),
    "triples": ("triples", "triplets", "tripels"),
    "license": ("Licence", "Licence", "Licentie"),
    "source": ("Source", "Source", "Bron"),
    "unanswered": ("unanswered", "sans réponse", "onbeantwoord"),
    "by_legislature": (
        "Questions by legislature and session",
        "Questions par législature et session",
        "Vragen per zittingsperiode en zitting",
    ),
    "classes": ("Classes", "Classes", "Klassen"),
    "object_properties": ("Properties", "Propriétés", "Eigenschappen"),
    "subclass_of": ("Subclass of", "Sous-classe de", "Subklasse van"),
    "subproperty_of": ("Subproperty of", "Sous-propriété de", "Subeigenschap van"),
    "domain": ("Domain", "Domaine", "Domein"),
    "range": ("Range", "Portée", "Bereik"),
    "severity": ("Severity", "Gravité", "Ernst"),
    "focus_node": ("Focus node", "Nœud focal", "Focusknoop"),
    "path": ("Path", "Chemin", "Pad"),
    "message": ("Message", "Message", "Bericht"),
    "conforms": (
        "The data conforms to the shapes.",
        "Les données sont conformes aux formes.",
        "De data voldoen aan de vormen.",
    ),
    "violations": ("violations", "violations", "schendingen"),
    "warnings": ("warnings", "avertissements", "waarschuwingen"),
    "target": ("Applies to", "S'applique à", "Geldt voor"),
    "constraints": ("Constraints", "Contraintes", "Beperkingen"),
    "changes_feed": ("What changed (Atom)", "Ce qui a changé (Atom)", "Wat er veranderde (Atom)"),
    "home_intro": (
        "Written parliamentary questions put by Belgian senators to ministers, with their answers, published as Linked Data.",
        "Les questions parlementaires écrites posées par les sénateurs belges aux ministres, avec leurs réponses, publiées en Linked Data.",
        "Schriftelijke parlementaire vragen van Belgische senatoren aan ministers, met hun antwoorden, gepubliceerd als Linked Data.",
    ),
    "letter": ("Letter", "Lettre", "Letter"),
    "none": ("None.", "Aucune.", "Geen."),
    "newest_first": ("newest first", "les plus récentes d'abord", "nieuwste eerst"),
    "sparql_queries": ("SPARQL queries", "Requêtes SPARQL", "SPARQL-query's"),
    "download_query": ("query file", "fichier de requête", "querybestand"),
}


def translate(key: str, language: str) -> str:
    """The interface string ``key`` in ``language`` (en, fr or nl)."""
    return _STRINGS[key][LANGUAGES.index(language)]


def keys() -> list[str]:
    return list(_STRINGS)


_ENGLISH_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
_MONTH_NAMES = {"en": _ENGLISH_MONTH_NAMES, "fr": FRENCH_MONTH_NAMES, "nl": DUTCH_MONTH_NAMES}


def long_date(iso: str, language: str) -> str:
    """An ``xsd:date`` as a reader of ``language`` writes it: ``30 April 2013``,
    ``1er mai 2013``, ``30 april 2013``. Anything else is shown as it is."""
    try:
        day = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    number = "1er" if language == "fr" and day.day == 1 else str(day.day)
    return f"{number} {_MONTH_NAMES[language][day.month - 1]} {day.year}"
