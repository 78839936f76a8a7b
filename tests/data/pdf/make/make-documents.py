"""Sources of the self-made PDFs in tests/data/pdf (run by make.sh). The texts are written for testing: realistic in
form and subject, not real law and not legal advice."""
import sys
from fodt import document, p, h, side_by_side, columns, margin_note

out = sys.argv[1]

bill = "".join([
    margin_note("Diarienummer S2025/00815/FS", page=1),
    p("Regeringens proposition 2024/25:99", "Title"),
    p("Skydd för barn i hederskontext", "Title"),
    p("Regeringen överlämnar denna proposition till riksdagen."),
    p("Stockholm den 12 mars 2025"),
    p("Magdalena Andersson|Anna Karlsson (Socialdepartementet)"),
    h("Propositionens huvudsakliga innehåll", 2),
    p("I propositionen föreslås ändringar som ska stärka skyddet för barn som lever i en hederskontext. Förslagen rör "
      "utreseförbud, skyddat boende för barn, hälso- och sjukvårdens ansvar, orosanmälan och samverkan mellan "
      "myndigheter. Lagändringarna föreslås träda i kraft den 1 juli 2026."),

    h("Innehållsförteckning", 1, new_page=True),
    p("1\tFörslag till riksdagsbeslut\t3", "Toc"),
    p("2\tLagtext\t3", "Toc"),
    p("2.1\tFörslag till lag om ändring i lagen (1990:52) med särskilda|bestämmelser om vård av unga\t3", "Toc"),
    p("3\tUtreseförbud\t4", "Toc"),
    p("4\tHälso- och sjukvårdens ansvar\t5", "Toc"),
    p("5\tSkyddat boende för barn\t6", "Toc"),
    p("6\tOrosanmälan och samverkan\t7", "Toc"),
    p("Bilaga 1\tSammanfattning av betänkandet\t8", "Toc"),

    h("1 Förslag till riksdagsbeslut", 1, new_page=True),
    p("Regeringen föreslår att riksdagen antar regeringens förslag till lag om ändring i lagen (1990:52) med särskilda "
      "bestämmelser om vård av unga."),
    h("2 Lagtext", 1),
    p("Härigenom föreskrivs att 31 a § lagen (1990:52) med särskilda bestämmelser om vård av unga ska ha följande lydelse."),
    side_by_side("Nuvarande lydelse", "Föreslagen lydelse", [
        ("Förvaltningsrätten får efter ansökan av socialnämnden besluta om utreseförbud för ett barn, om det finns en "
         "påtaglig risk för att barnet förs utomlands för att ingå äktenskap.",
         "Förvaltningsrätten får efter ansökan av socialnämnden besluta om utreseförbud för ett barn, om det finns en "
         "påtaglig risk för att barnet förs utomlands för att ingå äktenskap eller könsstympas."),
        ("Ett beslut om utreseförbud gäller tills vidare.",
         "Ett beslut om utreseförbud gäller tills vidare och ska omprövas av socialnämnden minst var sjätte månad."),
    ]),
    p("Denna lag träder i kraft den 1 juli 2026."),

    h("3 Utreseförbud", 1, new_page=True),
    columns(
        p("Utreseförbudet infördes för att hindra att barn förs utomlands för att giftas bort. Erfarenheterna visar att "
          "förbudet fungerar som avsett när socialnämnden ansöker i tid och när polisen känner till beslutet.")
        + p("Regeringen bedömer att förbudet behöver omprövas regelbundet. En omprövning var sjätte månad ger "
            "vårdnadshavarna möjlighet att visa att risken har upphört, samtidigt som barnets skydd består.")
        + p("Passmyndigheten ska kunna vägra pass till ett barn som omfattas av ett utreseförbud. Ett pass som redan "
            "har utfärdats ska kunna återkallas, så att barnet inte kan lämna landet med egna handlingar.")
        + p("Flera remissinstanser, bland dem Barnombudsmannen och Polismyndigheten, har tillstyrkt förslaget. "
            "Några kommuner har påpekat att handläggningstiden i förvaltningsrätten måste vara kort.")),

    h("4 Hälso- och sjukvårdens ansvar", 1, new_page=True),
    p("Personal inom hälso-|och sjukvården möter ofta barn som utsätts för hedersrelaterat våld och förtryck. "
      "Regeringen föreslår att vårdgivare ska ha rutiner för att uppmärksamma tecken på könsstympning och för att "
      "erbjuda stöd till flickor som har utsatts."),
    p("Vid byggnads-|eller anläggningsarbete i vårdens lokaler gäller inte dessa regler. Tandvården omfattas däremot, "
      "eftersom tandläkare ofta är de första som ser tecken på försummelse hos sjuk-|vårdens yngsta patienter."),
    p("Statsrådet Hjelm-|Wallén framhöll redan 1998 att barnkonventionen, i dag FN-|konventionen om barnets rättigheter, "
      "gäller även inom EU-|rätten. Frågor om förslaget kan skickas med e-|post till Socialdepartementet."),
    p("Socialstyrelsen ska ta fram ett nationellt kunskapsstöd om bemötande av unga som lever med hedersnormer. "
      "Kunskapsstödet ska beskriva hur en samtalskontakt kan erbjudas utan att vårdnadshavarna informeras."),

    h("5 Skyddat boende för barn", 1, new_page=True),
    p("Barn som följer med en förälder till ett skyddat boende ska ha rätt till eget stöd. Socialnämnden ska utreda "
      "barnets behov och besluta om insatser för barnet, även när barnet inte själv är placerat."),
    p("Ett skyddat boende för ensamma ungdomar som utsätts för hedersrelaterat våld ska ha tillstånd av Inspektionen "
      "för vård och omsorg. Boendet ska kunna erbjuda dygnet runt-bemanning och skolgång på hemlig ort."),
    p("Regeringen bedömer att kostnaderna för kommunerna blir begränsade eftersom de flesta redan i dag ger stöd till "
      "medföljande barn. Staten ersätter de ökade kostnaderna genom det generella statsbidraget."),

    h("6 Orosanmälan och samverkan", 1, new_page=True),
    p("Skolan, förskolan och fritidshemmet ska genast anmäla till socialnämnden om de får kännedom om eller misstänker "
      "att ett barn far illa. En orosanmälan ska göras även när barnet ber personalen att inte berätta."),
    p("Socialnämnden ska samråda med polisen och skolan innan vårdnadshavarna underrättas om en anmälan som rör "
      "hedersrelaterat våld, så att barnet inte utsätts för repressalier i hemmet."),
    p("Länsstyrelsen i Östergötland ska fortsätta att stödja regional samverkan och ge kommunerna metodstöd. "
      "Nationella kompetensteamet mot hedersrelaterat våld och förtryck svarar på frågor från yrkesverksamma."),

    h("Bilaga 1 Sammanfattning av betänkandet", 1, new_page=True),
    p("Utredningen föreslog att utreseförbudet skulle gälla i högst ett år. Regeringen föreslår i stället en omprövning "
      "var sjätte månad, eftersom ett tidsbegränsat förbud kan upphöra medan risken består."),
])

open(f"{out}/proposition-skydd-for-barn.fodt", "w").write(document(
    "Prop. 2024/25:99", "2025-03-12T10:00:00", "Prop. 2024/25:{~99~}", "Skydd för barn i hederskontext", "", bill))

scanned = "".join([
    p("Kallelse till samverkansmöte", "Title"),
    p("Socialtjänsten, elevhälsan och polisen kallas till samverkansmöte om en ung person som kan behöva "
      "skyddsvistelse. Mötet hålls på socialkontoret i Exempelkommunen."),
    p("Inför mötet ska var och en ta med sin riskbedömning. Socialtjänsten ansvarar för att en tolk finns på plats "
      "och att mötet dokumenteras."),
    h("Dagordning", 1, new_page=True),
    p("Mötet inleds med en genomgång av vad som har hänt sedan förra mötet. Därefter diskuteras behovet av "
      "skyddsvistelse och vem som ska ansvara för kontakten med den unga."),
    p("Mötet avslutas med att ansvaret fördelas och en ny tid bokas. Protokollet skickas till deltagarna inom en vecka."),
])
open(f"{out}/kallelse-skannad.fodt", "w").write(document(
    "Kallelse till samverkansmöte", "2024-05-02T09:00:00", "Exempelkommunen", "Exempelkommunen", "Sida ", scanned))
