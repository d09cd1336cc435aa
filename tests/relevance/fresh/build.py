# ruff: noqa: E501 - one opening or query a line reads best as data
"""Writes the fresh relevance set: openings.jsonl and queries.jsonl beside this file.

    python3 tests/relevance/fresh/build.py

A second independent set, written without sight of the search, its lexicon or the other
relevance sets (only the record format and the judging rule were taken from the held-out
build script). Judging is by labels, not by looking at search results: every opening carries
the topics a student would file it under, every query the kind(s) and topic(s) the student
means. An opening is an acceptable answer when its kind and one of its topics fit, and it is
open to the query's language (its `languages` has it).

The queries were written before any result was seen, in nine groups of about equal size:
compounds typed differently from the ads, derivations, colloquial and clipped words, domain
synonyms, Swedish compounds and inflections, English words for kinds and roles, English or
Swedish queries for Finnish openings open to that language, plain one-word queries and
two-word kind+topic queries.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from labelled import (  # noqa: E402
    ADMIN,
    BUILD,
    DATA,
    ENV,
    GEO,
    GREEN,
    MAINT,
    STREET,
    SURVEY,
    TRAFFIC,
    I,
    Openings,
    S,
    T,
    write_set,
)

OPENINGS = Openings()
o = OPENINGS.add


# --- parks and green areas
o("fi", S, GREEN, "Puistotyöntekijä Tapiolaan", "Hoidat Tapiolan puistoja ja aukioita: haravoit, kitket ja leikkaat nurmialueiden reunoja. Kesätyö kestää kesäkuun alusta elokuun loppuun.", "puistotyö;kesätyö", "park lawn")
o("fi", S, GREEN, "Kesätyöntekijä nurmikonleikkuuseen", "Ajat ajoleikkuria ja trimmaat nurmikoiden reunat Leppävaaran ja Kilon alueella. B-ajokortti on eduksi.", "nurmikot;kesätyö", "park lawn")
o("fi", S, GREEN, "Leikkipaikkojen tarkastaja (kesätyö)", "Käyt läpi leikkipuistojen välineet, kirjaat viat ja korjaat pieniä vaurioita. Saat perehdytyksen leikkivälineiden turvallisuusstandardeihin.", "leikkipaikat;turvallisuus", "playground park")
o("fi", T, GREEN, "Opinnäytetyö: puistopuiden kuntoarvio", "Kehität menetelmän katu- ja puistopuiden kunnon arviointiin ja sovellat sitä Espoon keskuksen puustoon. Sopii metsä- tai ympäristöalan opiskelijalle.", "puut;kuntoarvio", "tree")
o("fi", I, GREEN, "Arboristiharjoittelija", "Pääset mukaan puunhoitotöihin: leikkauksiin, kaatoihin ja puiden tarkastuksiin. Harjoittelu sopii arboristiksi opiskelevalle.", "puunhoito;harjoittelu", "tree")
o("fi", T, GREEN, "Diplomityö: niittyjen perustaminen viheralueille", "Selvität, miten nurmikoita voidaan muuttaa niityiksi ja miten muutos vaikuttaa hoitokustannuksiin ja lajiston monimuotoisuuteen.", "niityt;monimuotoisuus", "lawn nature")
o("fi", S, GREEN, "Kesätyö: kukkaistutukset ja kesäkukat", "Istutat ja kastelet kesäkukkia Espoon keskuksen ja Tapiolan ruukkuihin, puistoihin ja kukkapenkkeihin.", "istutukset;kukat", "planting park")
o("fi", I, GREEN, "Viheralueiden hoitoluokitus, harjoittelu", "Päivität viheralueiden hoitoluokat paikkatietojärjestelmään ja tarkistat ne maastossa.", "hoitoluokitus;paikkatieto", "park map")
o("fi", S, GREEN, "Vieraslajien torjunta, kesätyöntekijä", "Kitket jättipalsamia ja kurtturuusua luontoalueilta ja kirjaat esiintymät mobiilisovellukseen.", "vieraslajit;luonto", "invasive nature")
o("fi", T, GREEN, "Opinnäytetyö: lähimetsien virkistyskäyttö", "Kartoitat asukaskyselyllä ja maastohavainnoin, miten Espoon lähimetsiä käytetään, ja laadit hoitosuosituksia.", "lähimetsät;virkistys", "forest")
o("fi+en", S, GREEN, "Metsätöiden kesätyöntekijä", "Raivaat polkuja, poistat vaarallisia puita yhdessä metsurin kanssa ja kunnostat pitkospuita Nuuksion reunalla. Englanti käy työkieleksi.", "metsänhoito;ulkoilureitit", "forest tree")
o("fi+sv", I, GREEN, "Puistosuunnittelun harjoittelija", "Avustat viherrakentamisen hankkeissa: laadit luonnoksia ja kasvillisuussuunnitelmia uusille puistoille. Ruotsin kielen taito on eduksi.", "puistosuunnittelu;maisema-arkkitehtuuri", "park landscape planting")
o("sv", S, GREEN, "Sommarjobb i parkskötsel, Hagalund", "Du klipper gräs, rensar rabatter och plockar skräp i parkerna i Hagalund. Arbetsspråket är svenska och finska.", "parkskötsel;sommarjobb", "park lawn")
o("sv", I, GREEN, "Praktikant inom trädvård", "Du följer med våra arborister ut på fältet och lär dig beskärning och trädinventering.", "träd;praktik", "tree")
o("sv", T, GREEN, "Examensarbete: lekparkernas tillgänglighet", "Du undersöker hur tillgängliga Esbos lekparker är för barn med funktionsnedsättning och föreslår förbättringar.", "lekplatser;tillgänglighet", "playground accessibility")
o("sv+fi", S, GREEN, "Sommarjobbare för blomsterplanteringar", "Du planterar sommarblommor och vattnar planteringarna i Esbo centrum och Alberga.", "planteringar;blommor", "planting park")
o("en", S, GREEN, "Summer worker, park maintenance team", "Join a park team in Otaniemi and Keilaniemi: mowing, weeding and litter picking. No Finnish needed; the team works in English.", "parks;summer job", "park lawn")
o("en+fi", T, GREEN, "Thesis: urban tree canopy and heat", "Map tree canopy cover across Espoo from aerial imagery and relate it to surface temperatures in summer.", "urban trees;heat", "tree climate")
o("en", I, GREEN, "Intern, invasive species mapping", "Survey invasive alien plants such as Himalayan balsam and lupine in Espoo's nature areas and plan their removal.", "invasive species;biodiversity", "invasive nature")

# --- street maintenance
o("fi", S, MAINT, "Kunnossapidon kesätyöntekijä", "Paikkaat kuoppia, korjaat reunakiviä ja siistit katualueita Espoonlahdessa kunnossapidon työryhmässä.", "katujen kunnossapito;kesätyö", "maint paving")
o("fi", S, MAINT, "Katujen puhtaanapidon kesätyö", "Siivoat katualueita, tyhjennät roska-astioita ja poistat roskia bussipysäkeiltä Leppävaarassa.", "puhtaanapito;roska-astiat", "maint cleaning")
o("fi", I, MAINT, "Talvikunnossapidon harjoittelija", "Seuraat lumenaurauksen ja liukkaudentorjunnan urakoita, teet laatukierroksia ja kirjaat havainnot. Harjoittelu sijoittuu joulu–maaliskuulle.", "talvihoito;laadunvalvonta", "maint winter snow")
o("fi", T, MAINT, "Opinnäytetyö: hiekoitushiekan kierrätys", "Selvität, miten kevään harjaushiekka voidaan kerätä, seuloa ja käyttää uudelleen liukkaudentorjunnassa.", "hiekoitus;kiertotalous", "sanding winter")
o("fi", T, MAINT, "Diplomityö: lumenkaatopaikkojen ympäristövaikutukset", "Tutkit lumenvastaanottopaikkojen sulamisvesien laatua ja esität keinoja haittojen vähentämiseen.", "lumi;sulamisvedet", "winter snow stormwater")
o("fi", I, MAINT, "Kunnossapitoinsinööriharjoittelija", "Avustat katujen kunnossapitourakoiden valvonnassa ja laadit päällysteiden korjausohjelman.", "urakanvalvonta;päällysteet", "maint paving")
o("fi", S, MAINT, "Liikennemerkkien kunnostaja, kesätyö", "Peset ja suoristat liikennemerkkejä ja pylväitä sekä kirjaat puuttuvat merkit.", "liikennemerkit;kunnossapito", "maint signs")
o("fi", T, MAINT, "Opinnäytetyö: päällystevaurioiden konenäkötunnistus", "Testaat, voiko ajoneuvokameran kuvista tunnistaa halkeamat ja reiät automaattisesti, ja vertaat tuloksia maastoinventointiin.", "päällysteet;konenäkö", "paving ai")
o("fi+sv", S, MAINT, "Kesätyöntekijä kunnossapitoon, Kauklahti", "Autat kunnossapitotiimiä ojien perkaamisessa, kaivonkansien korjaamisessa ja kevyen liikenteen väylien siistimisessä. Työ sopii myös ruotsinkieliselle.", "kunnossapito;kesätyö", "maint")
o("fi", I, MAINT, "Harjoittelu: talvihoidon reittisuunnittelu", "Suunnittelet aura-autojen reittejä paikkatiedon avulla ja lasket, paljonko ajoaikaa voidaan säästää.", "auraus;reitit", "winter snow")
o("fi", T, MAINT, "Opinnäytetyö: liukkaudentorjunnan suolan käyttö", "Vertaat suolan ja hiekan käyttöä liukkaudentorjunnassa Espoon pääkaduilla ja niiden vaikutusta ympäristöön.", "suolaus;liukkaudentorjunta", "sanding winter")
o("fi", S, MAINT, "Kevätsiivouksen kesätyöntekijä", "Keräät talven jäljiltä hiekkaa ja roskia kaduilta ja jalkakäytäviltä harjakoneen kuljettajan apuna.", "kevätsiivous;harjaus", "cleaning maint")
o("sv", S, MAINT, "Sommarjobb inom gatuunderhåll", "Du lappar hål i asfalten, rättar till kantstenar och håller gatorna snygga i Mattby.", "gatuunderhåll;sommarjobb", "maint paving")
o("sv", I, MAINT, "Praktikant inom vinterunderhåll", "Du följer upp snöplogning och halkbekämpning, gör kvalitetsronder och rapporterar brister.", "vinterunderhåll;halkbekämpning", "maint winter snow")
o("sv+fi", T, MAINT, "Examensarbete: sandningens effekt på gatudammet", "Du mäter hur sandning påverkar halten av gatudamm på våren och jämför olika sandsorter.", "sandning;luftkvalitet", "sanding winter air")
o("en", I, MAINT, "Street maintenance trainee", "Work with our maintenance engineers on pavement condition surveys and repair planning in Espoo. English is the working language of this team.", "pavement;maintenance", "maint paving")
o("en+fi", T, MAINT, "Thesis: snow removal routing optimisation", "Develop an optimisation model for snow plough routes and test it on the street network of Espoonlahti.", "snow removal;optimisation", "winter snow")
o("fi", S, MAINT, "Graffitien poistaja, kesätyö", "Poistat töhryjä siltojen, meluseinien ja sähkökaappien pinnoilta painepesurilla.", "töhryt;puhtaanapito", "cleaning maint")
o("sv", S, MAINT, "Sommarjobb: vårstädning av gator", "Du samlar upp sand och skräp från gator och trottoarer efter vintern tillsammans med sopmaskinsföraren.", "vårstädning;gatusopning", "cleaning maint")

# --- street and infrastructure planning
o("fi", T, STREET, "Opinnäytetyö: katusuunnittelun tietomallit", "Tutkit, miten inframallit (IFC, Inframodel) saadaan katusuunnittelusta rakentamiseen ilman tiedon katkoksia.", "inframalli;katusuunnittelu", "street bim")
o("fi", I, STREET, "Katusuunnittelija-harjoittelija", "Laadit katujen yleis- ja rakennussuunnitelmia suunnittelijoiden tukena AutoCAD- ja Novapoint-ohjelmilla.", "katusuunnittelu;CAD", "street")
o("fi", I, STREET, "Siltasuunnittelun harjoittelu", "Pääset mukaan kevyen liikenteen siltojen ja alikulkujen suunnitteluun ja tarkastuksiin.", "sillat;rakennesuunnittelu", "bridge")
o("fi", T, STREET, "Diplomityö: siltojen korjausvelka", "Analysoit Espoon siltarekisterin tiedot ja arvioit korjaustarpeen kymmenen vuoden aikajänteellä.", "sillat;korjausvelka", "bridge")
o("fi", T, STREET, "Opinnäytetyö: pyöräteiden laatukäytävät", "Arvioit baanaverkon suunnitteluratkaisuja ja teet ehdotuksia risteysten parantamiseksi.", "pyöräily;baana", "cycling")
o("fi", S, STREET, "Kesätyö: katuvalojen inventointi", "Kierrät Pohjois-Espoon teitä ja kirjaat valaisimien tyypit ja kunnon mobiilisovellukseen.", "katuvalaistus;inventointi", "lighting")
o("fi", T, STREET, "Opinnäytetyö: älykäs katuvalaistus", "Selvität, paljonko liiketunnistimilla ohjattu LED-valaistus säästää energiaa asuinkaduilla.", "katuvalot;energiatehokkuus", "lighting energy")
o("fi", I, STREET, "Kunnallistekniikan suunnittelun harjoittelija", "Avustat vesihuollon ja katujen yhteensovittamisessa uusilla asuinalueilla, kuten Finnoossa.", "kunnallistekniikka;vesihuolto", "street utilities")
o("fi+en", T, STREET, "Opinnäytetyö: katujen esteettömyys", "Kehität tarkistuslistan, jolla katusuunnitelmien esteettömyys voidaan arvioida jo suunnitteluvaiheessa. Opinnäytetyön voi kirjoittaa myös englanniksi.", "esteettömyys;katusuunnittelu", "street accessibility")
o("fi", S, STREET, "Suunnitteluavustaja, kesätyö katusuunnittelussa", "Päivität suunnitelmapiirustuksia, kokoat lähtötietoja ja osallistut maastokäynteihin.", "suunnitteluavustaja;kesätyö", "street")
o("fi+sv", I, STREET, "Infrasuunnittelun harjoittelija, Kera", "Olet mukana Keran uuden asuinalueen katu- ja infrasuunnittelussa. Ruotsin kielen taito katsotaan eduksi.", "infra;aluerakentaminen", "street")
o("sv", T, STREET, "Examensarbete: gatuplanering för gående", "Du analyserar hur gatuplaneringen i Esbo kan göra gatorna tryggare och trivsammare för fotgängare.", "gatuplanering;fotgängare", "street walking")
o("sv", I, STREET, "Praktikant, broplanering", "Du deltar i planering och inspektion av broar samt gång- och cykeltunnlar.", "broar;praktik", "bridge")
o("sv", S, STREET, "Sommarjobb: inventering av gatubelysning", "Du inventerar gatlyktor i Esboviken och rapporterar trasiga armaturer.", "gatubelysning;inventering", "lighting")
o("en", T, STREET, "Master's thesis: low-carbon street structures", "Compare the carbon footprint of alternative street structures and materials using life cycle assessment.", "carbon footprint;LCA", "street climate")
o("en", I, STREET, "Infrastructure design intern", "Support our designers with CAD drawings and quantity take-offs for new streets in Espoo.", "infrastructure;CAD", "street")
o("en+fi", I, STREET, "Cycling infrastructure intern", "Help plan improvements to Espoo's main cycle routes and check designs against the cycling design guidelines.", "cycling;design", "cycling street")
o("fi", S, STREET, "Kesätyöntekijä: pyöräpysäköinnin kartoitus", "Kartoitat pyöräpysäköintipaikkoja asemien ja koulujen ympäriltä ja arvioit niiden riittävyyttä.", "pyöräpysäköinti;kartoitus", "cycling parking")
o("sv+fi", S, STREET, "Sommarjobb som planeringsassistent", "Du uppdaterar ritningar, samlar in utgångsdata och deltar i terrängbesök inom gatuplaneringen.", "planeringsassistent;gatuplanering", "street")

# --- building projects
o("fi", I, BUILD, "Rakennuttamisen harjoittelija", "Osallistut koulujen ja päiväkotien rakennushankkeisiin tilaajan edustajana: työmaakokouksiin, aikataulujen seurantaan ja dokumentointiin.", "rakennuttaminen;hankkeet", "construction school")
o("fi", S, BUILD, "Työmaavalvojan apulainen, kesätyö", "Kuljet valvojan mukana työmailla Espoon keskuksessa, otat valokuvia ja kirjaat laatuhavaintoja.", "työmaavalvonta;kesätyö", "construction supervision")
o("fi", T, BUILD, "Opinnäytetyö: koulurakennusten elinkaarikustannukset", "Vertaat valmistuneiden koulujen rakennus- ja ylläpitokustannuksia ja teet mallin tulevien hankkeiden arviointiin.", "elinkaari;kustannukset", "cost school")
o("fi", T, BUILD, "Diplomityö: puurakentaminen julkisissa rakennuksissa", "Tutkit kokemuksia puisista päiväkodeista ja kouluista Espoossa ja arvioit niiden hiilijalanjälkeä.", "puurakentaminen;hiilijalanjälki", "construction wood climate school")
o("fi", I, BUILD, "Korjausrakentamisen harjoittelija", "Pääset mukaan kiinteistöjen peruskorjaushankkeisiin: kuntotutkimuksiin, suunnittelukokouksiin ja työmaakäynteihin.", "peruskorjaus;korjausrakentaminen", "renovation")
o("fi", T, BUILD, "Opinnäytetyö: sisäilmaongelmien ennaltaehkäisy", "Kokoat rakennushankkeiden kosteudenhallinnan käytännöt ja ehdotat parannuksia sisäilmaongelmien välttämiseksi.", "sisäilma;kuivaketju", "indoorair renovation")
o("fi", S, BUILD, "Rakennusalan kesätyöntekijä", "Avustat projektipäälliköitä hankeasiakirjojen kokoamisessa ja työmaiden luovutuksissa. Sopii rakennustekniikan opiskelijalle.", "rakennustekniikka;kesätyö", "construction")
o("fi", T, BUILD, "Opinnäytetyö: energiakorjausten kannattavuus", "Lasket, kannattaako kaupungin vanhoihin kiinteistöihin tehdä lisälämmöneristys, maalämpö tai aurinkopaneelit.", "energiatehokkuus;aurinkoenergia", "energy renovation")
o("fi", I, BUILD, "Kustannuslaskennan harjoittelija", "Teet määrälaskentaa ja hankearvioita uudisrakennushankkeista ja vertaat urakkatarjouksia.", "kustannuslaskenta;määrälaskenta", "cost")
o("fi+en", I, BUILD, "Talotekniikan harjoittelija rakennuttamisessa", "Seuraat LVI- ja sähköurakoita uusissa kouluissa ja osallistut järjestelmien käyttöönottoon. Tiimissä puhutaan myös englantia.", "talotekniikka;LVI", "construction hvac")
o("fi+sv", S, BUILD, "Kesätyö rakennuttajan tiimissä", "Päivität hankerekisteriä, arkistoit piirustuksia ja käyt työmaakatselmuksissa. Ruotsinkielinen hakija on tervetullut.", "hankerekisteri;työmaa", "construction")
o("sv", I, BUILD, "Praktikant inom byggherreverksamhet", "Du deltar i byggprojekt för skolor och daghem: byggmöten, tidtabeller och dokumentation.", "byggherre;byggprojekt", "construction school")
o("sv", T, BUILD, "Examensarbete: renovering av skolbyggnader", "Du jämför renoveringsalternativ för äldre skolbyggnader med hänsyn till kostnader och inomhusluft.", "renovering;skolor", "renovation school indoorair")
o("sv", S, BUILD, "Sommarjobb på byggarbetsplats", "Du assisterar byggövervakaren på byggarbetsplatser i Esbo centrum och dokumenterar arbetet.", "byggövervakning;byggarbetsplats", "construction supervision")
o("en", T, BUILD, "Thesis: energy performance of new school buildings", "Compare designed and measured energy use of recently completed schools and explain the gap.", "energy;schools", "energy school")
o("en+fi", I, BUILD, "Construction project trainee", "Work alongside project managers on public building projects, from tendering to handover.", "construction management;projects", "construction")
o("fi", S, BUILD, "Kesätyöntekijä: kiinteistökatselmukset", "Kierrät kaupungin rakennuksia ja kirjaat kattojen, julkisivujen ja pihojen kunnon kuntoarviota varten.", "kuntoarvio;kiinteistöt", "renovation")

# --- traffic planning
o("fi", I, TRAFFIC, "Liikennesuunnittelun harjoittelija", "Laadit liikennesuunnitelmia ja tilapäisiä liikennejärjestelyjä sekä osallistut asukastilaisuuksiin.", "liikennesuunnittelu;harjoittelu", "trafficplan")
o("fi", T, TRAFFIC, "Opinnäytetyö: koulumatkojen liikenneturvallisuus", "Kartoitat vaaralliset kohdat koulureiteillä kyselyn ja onnettomuustietojen avulla ja ehdotat toimenpiteitä.", "liikenneturvallisuus;koulumatkat", "safety")
o("fi", S, TRAFFIC, "Liikennelaskija, kesätyö", "Lasket ajoneuvoja, pyöräilijöitä ja jalankulkijoita risteyksissä ja syötät tiedot järjestelmään.", "liikennelaskennat;kesätyö", "counts")
o("fi", T, TRAFFIC, "Diplomityö: raitiotien vaikutukset liikennevirtoihin", "Mallinnat Raide-Jokerin vaikutuksia autoliikenteeseen ja joukkoliikenteen matka-aikoihin.", "joukkoliikenne;liikennemalli", "transit model")
o("fi", I, TRAFFIC, "Pysäköintisuunnittelun harjoittelija", "Selvität pysäköintipaikkojen käyttöastetta aluekeskuksissa ja valmistelet pysäköintipolitiikan päivitystä.", "pysäköinti;harjoittelu", "parking")
o("fi", T, TRAFFIC, "Opinnäytetyö: liikennevalo-ohjauksen kehittäminen", "Tutkit, miten liikennevalojen älykäs ohjaus voisi sujuvoittaa joukkoliikennettä ja pyöräilyä.", "liikennevalot;ohjaus", "signals transit")
o("fi", S, TRAFFIC, "Kesätyö: nopeusnäyttötaulujen data", "Siirrät nopeusnäyttötauluja, haet niiden mittausdatan ja koostat raportit asukkaille.", "nopeudet;liikenneturvallisuus", "safety counts")
o("fi", T, TRAFFIC, "Opinnäytetyö: liikennemallin kalibrointi", "Kalibroit seudullista liikenne-ennustemallia Espoon laskentatiedoilla.", "liikennemalli;ennuste", "model counts")
o("fi+en", I, TRAFFIC, "Joukkoliikenteen suunnittelun harjoittelija", "Osallistut bussilinjaston ja pysäkkien suunnitteluun yhdessä HSL:n kanssa. Englanti käy työkieleksi.", "joukkoliikenne;pysäkit", "transit")
o("fi+sv", S, TRAFFIC, "Kesätyöntekijä liikennesuunnitteluun", "Kartoitat liikennemerkkejä ja tiemerkintöjä ja päivität ne liikennesuunnitelmiin. Ruotsin kielen taito on plussaa.", "liikennemerkit;tiemerkinnät", "trafficplan signs")
o("fi", I, TRAFFIC, "Liikenneturvallisuustyön harjoittelu", "Valmistelet liikenneturvallisuuskampanjoita kouluille ja päivität liikenneturvallisuussuunnitelmaa.", "liikenneturvallisuus;kampanjat", "safety")
o("sv", I, TRAFFIC, "Praktikant inom trafikplanering", "Du tar fram trafikarrangemang och deltar i möten med invånare och entreprenörer.", "trafikplanering;praktik", "trafficplan")
o("sv", T, TRAFFIC, "Examensarbete: trafiksäkerhet vid skolor", "Du kartlägger farliga korsningar nära skolor i Esbo och föreslår åtgärder.", "trafiksäkerhet;skolvägar", "safety")
o("sv", S, TRAFFIC, "Sommarjobb som trafikräknare", "Du räknar bilar, cyklister och fotgängare i korsningar runt om i Esbo.", "trafikräkning;sommarjobb", "counts")
o("en", T, TRAFFIC, "Thesis: parking demand in new residential areas", "Analyse how much parking new residential blocks near metro stations actually need.", "parking;metro", "parking")
o("en", I, TRAFFIC, "Transport planning intern", "Help us prepare traffic plans and analyse traffic data for Espoo's growing districts.", "transport planning;data", "trafficplan")
o("en+fi", S, TRAFFIC, "Summer job: e-scooter and bike counts", "Count shared e-scooters and bikes at metro stations and report on parking problems.", "e-scooters;micromobility", "counts cycling parking")

# --- city surveying
o("fi", S, SURVEY, "Mittausapulainen, kesätyö", "Toimit mittausryhmässä takymetrin ja GNSS-laitteen kanssa ja merkitset rakennusten paikkoja ja katulinjoja maastoon.", "maastomittaus;kesätyö", "survey")
o("fi", I, SURVEY, "Kartoitusharjoittelija", "Päivität kantakarttaa maastomittausten ja ilmakuvien pohjalta.", "kantakartta;kartoitus", "map survey")
o("fi", T, SURVEY, "Opinnäytetyö: laserkeilausaineiston luokittelu", "Kehität menetelmän, jolla mobiililaserkeilauksen pistepilvestä tunnistetaan automaattisesti katuvarusteet.", "laserkeilaus;pistepilvi", "pointcloud ai")
o("fi", T, SURVEY, "Diplomityö: kaupunkimallin ajantasaisuus", "Tutkit, miten Espoon 3D-kaupunkimalli voidaan pitää ajan tasalla rakennuslupien ja mittausten avulla.", "3D-kaupunkimalli;digitaalinen kaksonen", "model3d")
o("fi", I, SURVEY, "Kiinteistönmuodostuksen harjoittelija", "Avustat tonttijaoissa ja lohkomisissa sekä valmistelet kiinteistötoimitusten asiakirjoja.", "kiinteistönmuodostus;tonttijako", "cadastre")
o("fi", S, SURVEY, "Paikkatietoavustaja, kesätyö", "Digitoit vanhoja karttoja ja korjaat paikkatietoaineistojen virheitä QGIS:llä.", "paikkatieto;QGIS", "map")
o("fi", T, SURVEY, "Opinnäytetyö: dronekuvaus kartoituksessa", "Vertaat drooneilla tuotettujen ortokuvien tarkkuutta perinteiseen maastomittaukseen.", "drooni;ortokuva", "drone map survey")
o("fi+en", I, SURVEY, "Mittausinsinööriharjoittelija", "Teet rakennusvaiheen mittauksia katutyömailla ja käsittelet mittausdataa. Englanninkielinen harjoittelija on tervetullut.", "mittaus;rakentamisen mittaukset", "survey")
o("fi+sv", S, SURVEY, "Kesätyö: rajapyykkien etsintä", "Etsit ja tarkistat kiinteistöjen rajamerkkejä maastossa ja kirjaat niiden sijainnit. Asiakkaiden kanssa tarvitaan myös ruotsia.", "rajamerkit;kiinteistöt", "cadastre survey")
o("fi", I, SURVEY, "3D-mallinnuksen harjoittelu", "Mallinnat rakennuksia ja siltoja kaupunkimalliin ja testaat mallien käyttöä kaavojen havainnollistamisessa.", "3D;mallinnus", "model3d")
o("sv", S, SURVEY, "Sommarjobb som mätningsassistent", "Du arbetar i en mätgrupp med takymeter och GNSS och stakar ut byggnader och gator.", "mätning;sommarjobb", "survey")
o("sv", T, SURVEY, "Examensarbete: punktmoln i stadsmodellen", "Du undersöker hur laserskanningsdata kan uppdatera Esbos 3D-stadsmodell automatiskt.", "laserskanning;stadsmodell", "pointcloud model3d")
o("sv+fi", I, SURVEY, "Praktikant inom geodata och kartor", "Du uppdaterar baskartan och rättar fel i geodata.", "geodata;karta", "map")
o("en", T, SURVEY, "Thesis: digital twin of Espoo's streets", "Explore how Espoo's digital twin could combine street, utility and traffic data in one 3D model.", "digital twin;3D", "model3d")
o("en+fi", I, SURVEY, "GIS intern", "Maintain map layers, produce thematic maps and help colleagues with spatial analysis in QGIS.", "GIS;maps", "map")
o("fi", S, SURVEY, "Kiinteistörekisterin kesätyöntekijä", "Tarkistat kiinteistörekisterin tietoja ja skannaat vanhoja toimitusasiakirjoja.", "kiinteistörekisteri;arkisto", "cadastre archive")

# --- geotechnics
o("fi", S, GEO, "Pohjatutkimusavustaja, kesätyö", "Olet kairausryhmän mukana maastossa: merkitset tutkimuspisteitä, otat maanäytteitä ja kirjaat tulokset.", "pohjatutkimus;kairaus", "geo drilling")
o("fi", I, GEO, "Geoteknikkoharjoittelija", "Laadit pohjarakennussuunnitelmia ja tulkitset kairausdiagrammeja geoteknikoiden ohjauksessa.", "geotekniikka;pohjarakentaminen", "geo")
o("fi", T, GEO, "Opinnäytetyö: savikerrosten painuminen Espoossa", "Analysoit painumamittausten pitkäaikaisaineistoa ja vertaat sitä laskennallisiin ennusteisiin.", "painuma;savi", "geo settlement")
o("fi", T, GEO, "Diplomityö: massastabiloinnin hiilijalanjälki", "Vertailet stabiloinnin sideaineiden ilmastovaikutuksia ja etsit vähäpäästöisempiä vaihtoehtoja pehmeiköille.", "stabilointi;hiilijalanjälki", "geo stabilization climate")
o("fi", I, GEO, "Pohjavesiseurannan harjoittelija", "Mittaat pohjaveden pintoja havaintoputkista ja koostat seurantaraportin rakennushankkeiden lähialueilta.", "pohjavesi;seuranta", "groundwater geo")
o("fi", T, GEO, "Opinnäytetyö: pilaantuneiden maiden kunnostus", "Selvität, miten kaivettavia pilaantuneita maita voidaan käsitellä työmaalla poisviennin sijaan.", "pilaantuneet maat;kunnostus", "pollutedsoil geo")
o("fi", S, GEO, "Geotekniikan kesätyöntekijä", "Siirrät vanhoja pohjatutkimusraportteja tietokantaan ja avustat maastotöissä.", "pohjatutkimusrekisteri;kesätyö", "geo drilling")
o("fi+en", T, GEO, "Opinnäytetyö: maaperämallin hyödyntäminen", "Kehität kolmiulotteista maaperämallia kairaustiedoista ja testaat sitä suunnittelussa. Työn voi tehdä englanniksi.", "maaperämalli;3D", "geo drilling")
o("fi+sv", I, GEO, "Harjoittelija kalliorakentamiseen", "Osallistut kalliotilojen ja louhintojen suunnitteluun ja tärinämittausten seurantaan.", "kalliorakentaminen;louhinta", "geo rock")
o("sv", T, GEO, "Examensarbete: sättningar i lerområden", "Du analyserar långvariga sättningsmätningar i Esbos lerområden.", "sättningar;lera", "geo settlement")
o("sv", S, GEO, "Sommarjobb inom geoteknik", "Du följer med på fältet vid markundersökningar, tar jordprov och dokumenterar borrningarna.", "markundersökning;geoteknik", "geo drilling")
o("en", I, GEO, "Geotechnical engineering intern", "Interpret soundings and lab results and help draft foundation recommendations for street and park projects.", "geotechnics;foundations", "geo drilling")
o("en+fi", T, GEO, "Thesis: groundwater impacts of deep excavations", "Model how deep construction pits in Tapiola and Otaniemi affect groundwater levels nearby.", "groundwater;excavation", "groundwater geo")
o("fi", S, GEO, "Kesätyö: maanäytteiden käsittely", "Käsittelet ja luetteloit maanäytteitä, teet yksinkertaisia laboratoriokokeita ja kirjaat tulokset.", "maanäytteet;laboratorio", "geo drilling")
o("sv+fi", I, GEO, "Praktikant inom grundvattenövervakning", "Du mäter grundvattennivåer i observationsrör och sammanställer rapporter om byggprojektens inverkan.", "grundvatten;övervakning", "groundwater geo")

# --- data services
o("fi", I, DATA, "Data-analyytikkoharjoittelija", "Rakennat Power BI -raportteja katujen kunnossapidon ja rakennushankkeiden tiedoista.", "Power BI;raportointi", "data analytics")
o("fi", T, DATA, "Opinnäytetyö: tekoäly palautteiden luokittelussa", "Kokeilet kielimalleja asukaspalautteiden automaattiseen luokitteluun ja ohjaamiseen oikealle tiimille.", "tekoäly;palaute", "ai customer")
o("fi", I, DATA, "Ohjelmistokehittäjäharjoittelija", "Kehität kaupunkitekniikan sisäisiä sovelluksia Pythonilla ja Reactilla.", "ohjelmistokehitys;Python", "software")
o("fi", T, DATA, "Opinnäytetyö: avoimen datan rajapinnat", "Suunnittelet, miten katu- ja viheralueiden tiedot julkaistaan avoimena datana rajapintojen kautta.", "avoin data;rajapinnat", "opendata")
o("fi", S, DATA, "Datan käsittelijä, kesätyö", "Siivoat ja yhdistät katuomaisuuden rekisteritietoja ja tarkistat puuttuvia arvoja.", "datan laatu;Excel", "data")
o("fi", T, DATA, "Diplomityö: IoT-anturit katuomaisuuden seurannassa", "Tutkit, miten langattomat anturit voisivat mitata siltojen ja katujen kuntoa jatkuvasti.", "IoT;anturit", "iot data bridge")
o("fi+en", I, DATA, "Tietoarkkitehtuurin harjoittelija", "Kuvaat kaupunkitekniikan tietovarantoja ja niiden välisiä yhteyksiä tietomalliksi. Englanti käy työkieleksi.", "tietoarkkitehtuuri;tietomallinnus", "data")
o("fi", I, DATA, "Harjoittelija: dashboardit ja raportointi", "Suunnittelet johdolle mittaristoja, joista näkee hankkeiden budjetit ja aikataulut.", "mittaristot;raportointi", "analytics")
o("fi+sv", T, DATA, "Opinnäytetyö: konenäkö katuvarusteiden tunnistuksessa", "Opetat konenäkömallin tunnistamaan liikennemerkkejä ja valaisimia katukuvista.", "konenäkö;koneoppiminen", "ai")
o("sv", I, DATA, "Praktikant inom dataanalys", "Du bygger rapporter och analyser om gatuunderhåll och byggprojekt i Power BI.", "dataanalys;rapportering", "data analytics")
o("sv", T, DATA, "Examensarbete: öppna data om grönområden", "Du planerar hur uppgifter om parker och grönområden kan publiceras som öppna data.", "öppna data;grönområden", "opendata")
o("en", I, DATA, "Software developer intern", "Build and maintain internal web tools for the Urban Technology Centre with Python and TypeScript.", "software development;Python", "software")
o("en", T, DATA, "Thesis: machine learning for pothole detection", "Train a model that finds potholes in images from street cameras and compare it with manual inspections.", "machine learning;computer vision", "ai paving")
o("en+fi", I, DATA, "Data engineering intern", "Build data pipelines that bring sensor and maintenance data into the city's data platform.", "data engineering;pipelines", "data")
o("fi", S, DATA, "Kesätyö: tietojen digitointi", "Siirrät paperisia piirustuksia ja asiakirjoja sähköiseen järjestelmään ja lisäät niihin metatiedot.", "digitointi;metatiedot", "archive data")
o("sv", S, DATA, "Sommarjobb: digitalisering av ritningar", "Du skannar gamla ritningar och lägger in metadata i det elektroniska arkivet.", "digitalisering;arkiv", "archive data")

# --- administration and customer service
o("fi", S, ADMIN, "Asiakaspalvelun kesätyöntekijä", "Vastaat asukkaiden puheluihin ja palautteisiin kaduista, puistoista ja talvihoidosta.", "asiakaspalvelu;puhelinpalvelu", "customer")
o("fi", I, ADMIN, "Viestintäharjoittelija", "Kirjoitat uutisia ja somepäivityksiä katutöistä ja rakennushankkeista sekä kuvaat lyhyitä videoita.", "viestintä;sosiaalinen media", "comms")
o("fi", T, ADMIN, "Opinnäytetyö: työmaaviestinnän kehittäminen", "Tutkit, miten asukkaat haluavat saada tietoa katutöistä, ja kehität uuden viestintämallin.", "työmaaviestintä;asukkaat", "comms")
o("fi", I, ADMIN, "Hankinta-asiantuntijan harjoittelija", "Avustat urakoiden ja palvelujen kilpailutuksissa ja laadit tarjouspyyntöjä.", "hankinnat;kilpailutus", "procurement")
o("fi", T, ADMIN, "Opinnäytetyö: urakkasopimusten riskienhallinta", "Analysoit kaupungin infraurakoiden sopimusehtoja ja niihin liittyviä riskejä. Sopii oikeustieteen tai tekniikan opiskelijalle.", "sopimukset;juridiikka", "law procurement")
o("fi", S, ADMIN, "Toimistotyöntekijä, kesätyö", "Avustat laskujen käsittelyssä, arkistoinnissa ja kokousjärjestelyissä.", "toimistotyö;arkistointi", "office archive finance")
o("fi", I, ADMIN, "Talouden harjoittelija", "Seuraat hankkeiden budjetteja, laadit talousraportteja ja avustat talousarvion valmistelussa.", "taloushallinto;budjetointi", "finance")
o("fi", T, ADMIN, "Opinnäytetyö: henkilöstön perehdytysmalli", "Kehität kaupunkitekniikan keskukselle perehdytysmallin uusille työntekijöille ja kesätyöntekijöille.", "perehdytys;HR", "hr")
o("fi+sv", S, ADMIN, "Asiakaspalvelija, ruotsinkielinen palvelu", "Palvelet asiakkaita suomeksi ja ruotsiksi puhelimessa ja sähköpostilla katu- ja puistoasioissa.", "asiakaspalvelu;kaksikielisyys", "customer")
o("fi+en", I, ADMIN, "Henkilöstöhallinnon harjoittelija", "Osallistut rekrytointeihin, kesätyöntekijöiden perehdytykseen ja työhyvinvointikyselyn toteutukseen.", "rekrytointi;HR", "hr")
o("sv", S, ADMIN, "Sommarjobb inom kundtjänst", "Du svarar på samtal och respons från invånare om gator och parker på svenska och finska.", "kundtjänst;sommarjobb", "customer")
o("sv", I, ADMIN, "Praktikant inom kommunikation", "Du skriver nyheter och inlägg i sociala medier om gatuarbeten och byggprojekt.", "kommunikation;sociala medier", "comms")
o("en", I, ADMIN, "Communications trainee", "Create content for the city's channels about street works, parks and construction projects, including English-language posts.", "communications;social media", "comms")
o("en+fi", T, ADMIN, "Thesis: service design for resident feedback", "Redesign how residents report problems with streets and parks, using service design methods.", "service design;feedback", "customer")
o("fi", S, ADMIN, "Arkistoinnin kesätyöntekijä", "Järjestät ja seulot kaupunkitekniikan paperiarkistoa ja siirrät asiakirjoja sähköiseen arkistoon.", "arkisto;dokumenttienhallinta", "archive")
o("fi", I, ADMIN, "Hallinnon harjoittelija", "Avustat päätösvalmistelussa, laadit pöytäkirjoja ja päivität toimintaohjeita.", "hallinto;päätösvalmistelu", "office")
o("sv", T, ADMIN, "Examensarbete: upphandling av gatuunderhåll", "Du analyserar hur Esbo upphandlar entreprenader för gatuunderhåll och föreslår bättre kvalitetskriterier.", "upphandling;entreprenader", "procurement")

# --- environment and stormwater
o("fi", T, ENV, "Opinnäytetyö: hulevesien viivytysratkaisut", "Vertaat biosuodatusalueiden ja viivytyspainanteiden toimivuutta Espoon asuinalueilla.", "hulevedet;viivytys", "stormwater")
o("fi", S, ENV, "Hulevesinäytteiden ottaja, kesätyö", "Otat vesinäytteitä purkuojista ja puroista sateiden jälkeen ja kirjaat mittaustulokset.", "vesinäytteet;hulevedet", "stormwater water")
o("fi", I, ENV, "Ilmastotyön harjoittelija", "Päivität kaupunkitekniikan ilmasto-ohjelman toimenpiteitä ja lasket päästövähennyksiä.", "ilmasto;päästöt", "climate")
o("fi", T, ENV, "Diplomityö: tulvariskit ja rankkasateet", "Mallinnat rankkasateiden aiheuttamia tulvia kaupunkikeskuksissa ja arvioit hulevesiverkoston kapasiteettia.", "tulvat;hulevesimalli", "stormwater climate")
o("fi", S, ENV, "Ympäristöalan kesätyöntekijä", "Kartoitat luontokohteita, seuraat lintujen pesintää ja avustat luontopolkujen kunnostuksessa.", "luontokartoitus;kesätyö", "nature")
o("fi", I, ENV, "Meluselvitysten harjoittelija", "Teet melumittauksia vilkkaiden katujen varsilla ja päivität meluntorjunnan toimenpideohjelmaa.", "melu;meluntorjunta", "noise")
o("fi", T, ENV, "Opinnäytetyö: katupölyn vähentäminen", "Selvität, millä keinoilla keväistä katupölyä voidaan vähentää ja kuinka kustannustehokkaita ne ovat.", "katupöly;ilmanlaatu", "air")
o("fi+en", T, ENV, "Opinnäytetyö: viherkatot hulevesien hallinnassa", "Mittaat viherkattojen valuntaa ja arvioit niiden merkitystä hulevesien hallinnassa. Työn voi kirjoittaa englanniksi.", "viherkatot;hulevedet", "stormwater")
o("fi+sv", I, ENV, "Vesistöjen seurannan harjoittelija", "Seuraat purojen ja järvien vedenlaatua ja koostat tuloksista raportin. Ruotsin kielestä on hyötyä.", "vedenlaatu;purot", "water")
o("fi", S, ENV, "Kesätyö: purojen kunnostus", "Kunnostat taimenpuroja talkooryhmien kanssa: lisäät kutusoraa ja poistat roskia uomista.", "purokunnostus;taimen", "water nature")
o("sv", T, ENV, "Examensarbete: dagvattenhantering i nya bostadsområden", "Du jämför lösningar för att fördröja och rena dagvatten i Esbos nya bostadsområden.", "dagvatten;fördröjning", "stormwater")
o("sv", S, ENV, "Sommarjobb inom miljöövervakning", "Du tar vattenprov i bäckar och diken och rapporterar resultaten.", "vattenprov;miljö", "water stormwater")
o("sv+fi", I, ENV, "Praktikant, klimatanpassning", "Du kartlägger åtgärder för klimatanpassning i gator och parker, till exempel skuggande träd och översvämningsytor.", "klimatanpassning;praktik", "climate")
o("en", T, ENV, "Thesis: nature-based solutions for stormwater", "Assess rain gardens and constructed wetlands as stormwater solutions in Espoo.", "nature-based solutions;stormwater", "stormwater nature")
o("en+fi", I, ENV, "Environmental data intern", "Collect and visualise air quality, noise and water monitoring data for the city's environment reports.", "environmental monitoring;data", "air noise water data")
o("en", S, ENV, "Summer job: urban nature survey", "Survey bird and pollinator species in Espoo's parks and meadows together with our ecologists.", "biodiversity;pollinators", "nature")


# (category, language, query, kinds or None for any, topics)
Q: list[tuple] = []


def q(category: str, language: str, text: str, kinds: list[str] | None, topics: str) -> None:
    Q.append((category, language, text, kinds, topics))


TRAFFIC_ALL = "trafficplan safety transit model parking signals counts signs"

# compounds typed differently from the ads: joined, split, with case endings
q("compound", "fi", "talvikunnossapitoharjoittelu", [I], "winter")
q("compound", "fi", "puistokesätyö", [S], "park")
q("compound", "fi", "katu suunnittelu harjoittelu", [I], "street")
q("compound", "fi", "silta suunnittelu", None, "bridge")
q("compound", "fi", "kesätyö nurmikon leikkuu", [S], "lawn")
q("compound", "fi", "liikenneturvallisuudesta opinnäytetyö", [T], "safety")
q("compound", "fi", "pohjaveden seuranta harjoittelu", [I], "groundwater")
q("compound", "fi", "katuvalo inventointi", [S], "lighting")
q("compound", "fi", "hulevesiopinnäytetyö", [T], "stormwater")
q("compound", "fi", "rakennus hankkeet harjoittelu", [I], "construction")
q("compound", "fi", "liikennelaskentaan kesäksi", [S], "counts")
q("compound", "fi", "leikkipuistoissa kesätyö", [S], "playground")
q("compound", "fi", "maastomittaukseen kesätyö", [S], "survey")
q("compound", "fi", "paikka tieto harjoittelija", [I], "map")
q("compound", "fi", "3d kaupunki malli", None, "model3d")
q("compound", "fi", "korjaus rakentaminen", None, "renovation")
q("compound", "fi", "pysäköinti suunnittelu harjoittelu", [I], "parking")
q("compound", "fi", "vieraslajitorjuntaan", [S], "invasive")
q("compound", "fi", "kustannus laskenta", None, "cost")

# derivations: agent nouns, -nti, -minen, -ksi
q("derivation", "fi", "mittaaja", None, "survey")
q("derivation", "fi", "liikennesuunnittelija harjoittelu", [I], "trafficplan transit parking safety")
q("derivation", "fi", "kartoittaja", None, "map")
q("derivation", "fi", "puunhoitaja", None, "tree")
q("derivation", "fi", "valvoja työmaalle kesäksi", [S], "supervision construction")
q("derivation", "fi", "ohjelmointi harjoittelu", [I], "software")
q("derivation", "fi", "lumen auraaminen", None, "snow")
q("derivation", "fi", "puiden kaataminen", None, "tree")
q("derivation", "fi", "päällystäminen", None, "paving")
q("derivation", "fi", "istuttaminen kesätyö", [S], "planting")
q("derivation", "fi", "kairaaja kesätyö", [S], "drilling")
q("derivation", "fi", "rekrytoija harjoittelu", [I], "hr")
q("derivation", "fi", "kilpailuttaminen", None, "procurement")
q("derivation", "fi", "viestijä harjoittelu", [I], "comms")
q("derivation", "fi", "sillantarkastaja", None, "bridge")
q("derivation", "fi", "digitoija kesätyö", [S], "archive")
q("derivation", "fi", "ilmanlaadun mittaaminen", None, "air")
q("derivation", "en", "surveyor", None, "survey map")
q("derivation", "en", "designing streets", None, "street")

# colloquial and clipped words
q("colloquial", "fi", "lopputyö liikenne", [T], TRAFFIC_ALL)
q("colloquial", "fi", "gradu ilmasto", [T], "climate")
q("colloquial", "fi", "dippa sillat", [T], "bridge")
q("colloquial", "fi", "kandi geotekniikka", [T], "geo")
q("colloquial", "fi", "kesäpesti puistossa", [S], "park")
q("colloquial", "fi", "kesähommat mittaus", [S], "survey")
q("colloquial", "fi", "harjottelu data", [I], "data analytics")
q("colloquial", "fi", "koodaus harjoittelu", [I], "software")
q("colloquial", "fi", "raksa kesätyö", [S], "construction supervision")
q("colloquial", "fi", "some harjoittelu", [I], "comms")
q("colloquial", "fi", "kesäkeikka siivous", [S], "cleaning")
q("colloquial", "fi", "infra harjottelu", [I], "street bridge utilities")
q("colloquial", "fi", "gis hommat", None, "map")
q("colloquial", "fi", "dippa tekoäly", [T], "ai")
q("colloquial", "fi", "puistoduunari", [S], "park")
q("colloquial", "fi", "amk lopputyö hulevesi", [T], "stormwater")
q("colloquial", "sv", "exjobb dagvatten", [T], "stormwater")
q("colloquial", "sv", "sommarknäck park", [S], "park")
q("colloquial", "sv", "exjobb trafik", [T], TRAFFIC_ALL)

# domain synonyms: another word for the same task or thing
q("synonym", "fi", "suolaus", None, "sanding")
q("synonym", "fi", "talvihoito harjoittelu", [I], "winter")
q("synonym", "fi", "viherhoito kesätyö", [S], "park lawn planting")
q("synonym", "fi", "laserskannaus", None, "pointcloud")
q("synonym", "fi", "maaperätutkimus kesätyö", [S], "drilling")
q("synonym", "fi", "projektinjohto harjoittelu", [I], "construction")
q("synonym", "fi", "bussiliikenne", None, "transit")
q("synonym", "fi", "liikennemäärien laskeminen", [S], "counts")
q("synonym", "fi", "ilmastonmuutos", None, "climate")
q("synonym", "fi", "sadevedet", None, "stormwater")
q("synonym", "fi", "biodiversiteetti", None, "nature")
q("synonym", "fi", "maanmittaus harjoittelu", [I], "cadastre survey")
q("synonym", "fi", "fillaritiet", None, "cycling")
q("synonym", "fi", "liikennemelu", None, "noise")
q("synonym", "fi", "vedenlaadun seuranta", None, "water")
q("synonym", "sv", "snöröjning", [I], "snow")
q("synonym", "sv", "provborrning sommarjobb", [S], "drilling")
q("synonym", "en", "bike lanes", None, "cycling")
q("synonym", "en", "rainwater", None, "stormwater")

# Swedish compounds and inflections: definite, plural, joined and split
q("swedish", "sv", "sommarjobbet i parken", [S], "park")
q("swedish", "sv", "trafikplanerare praktik", [I], "trafficplan")
q("swedish", "sv", "gatuplaneringen", None, "street")
q("swedish", "sv", "broarna", None, "bridge")
q("swedish", "sv", "gatu belysning", None, "lighting")
q("swedish", "sv", "vinter underhåll", None, "winter")
q("swedish", "sv", "dagvattnet", None, "stormwater")
q("swedish", "sv", "trädvårdspraktik", [I], "tree")
q("swedish", "sv", "lekplatserna", None, "playground")
q("swedish", "sv", "byggprojekten", None, "construction")
q("swedish", "sv", "mät assistent", [S], "survey")
q("swedish", "sv", "stadsmodeller", None, "model3d")
q("swedish", "sv", "kundtjänsten", None, "customer")
q("swedish", "sv", "kommunikationspraktik", [I], "comms")
q("swedish", "sv", "geoteknik sommarjobbare", [S], "geo")
q("swedish", "sv", "grundvattnet", None, "groundwater")
q("swedish", "sv", "klimat anpassning", None, "climate")
q("swedish", "sv", "dataanalytiker", None, "analytics")
q("swedish", "sv", "gatuunderhållet sommarjobb", [S], "maint")
q("swedish", "sv", "renoveringar", None, "renovation")

# English words for our kinds and roles
q("english-kind", "en", "trainee programme construction", [I], "construction")
q("english-kind", "en", "summer work parks", [S], "park")
q("english-kind", "en", "dissertation stormwater", [T], "stormwater")
q("english-kind", "en", "placement traffic", [I], "trafficplan transit parking safety")
q("english-kind", "en", "seasonal work forest", [S], "forest")
q("english-kind", "en", "final year project geotechnics", [T], "geo")
q("english-kind", "en", "bachelor thesis accessibility", [T], "accessibility")
q("english-kind", "en", "internship for software developers", [I], "software")
q("english-kind", "en", "engineering intern pavement", [I], "paving")
q("english-kind", "en", "thesis position digital twin", [T], "model3d")
q("english-kind", "en", "junior trainee invasive species", [I], "invasive")
q("english-kind", "en", "holiday job parks", [S], "park")
q("english-kind", "en", "data engineer trainee", [I], "data")
q("english-kind", "en", "msc thesis energy", [T], "energy")
q("english-kind", "en", "thesis topic service design", [T], "customer")
q("english-kind", "en", "research project climate", [T], "climate")
q("english-kind", "en", "summer worker traffic counts", [S], "counts")
q("english-kind", "en", "graduate project groundwater", [T], "groundwater")
q("english-kind", "en", "pr intern", [I], "comms")

# English or Swedish queries for Finnish openings open to that language
q("cross-language", "en", "forest summer job", [S], "forest")
q("cross-language", "en", "street accessibility thesis", [T], "accessibility")
q("cross-language", "en", "hvac internship", [I], "hvac")
q("cross-language", "en", "public transport internship", [I], "transit")
q("cross-language", "en", "construction surveying internship", [I], "survey")
q("cross-language", "en", "soil model thesis", [T], "geo")
q("cross-language", "en", "data architecture", None, "data")
q("cross-language", "en", "recruitment internship", [I], "hr")
q("cross-language", "en", "green roofs thesis", [T], "stormwater")
q("cross-language", "en", "bus stops planning", None, "transit")
q("cross-language", "sv", "praktik parkplanering", [I], "landscape")
q("cross-language", "sv", "sommarjobb underhåll köklax", [S], "maint")
q("cross-language", "sv", "bergbyggnad praktik", [I], "rock")
q("cross-language", "sv", "maskinseende examensarbete", [T], "ai")
q("cross-language", "sv", "vattenkvalitet praktik", [I], "water")
q("cross-language", "sv", "gränsmärken sommarjobb", [S], "cadastre")
q("cross-language", "sv", "trafikmärken sommarjobb", [S], "signs")
q("cross-language", "sv", "byggherre sommarjobb", [S], "construction")
q("cross-language", "sv", "infraplanering kera", None, "street")

# plain one-word queries
q("plain", "fi", "sillat", None, "bridge")
q("plain", "fi", "pysäköinti", None, "parking")
q("plain", "fi", "melu", None, "noise")
q("plain", "fi", "puut", None, "tree")
q("plain", "fi", "leikkipaikat", None, "playground")
q("plain", "fi", "hankinnat", None, "procurement")
q("plain", "fi", "arkistointi", None, "archive")
q("plain", "fi", "katuvalaistus", None, "lighting")
q("plain", "fi", "liikenneturvallisuus", None, "safety")
q("plain", "fi", "pohjavesi", None, "groundwater")
q("plain", "fi", "viestintä", None, "comms")
q("plain", "fi", "tekoäly", None, "ai")
q("plain", "sv", "lekplats", None, "playground")
q("plain", "sv", "trafiksäkerhet", None, "safety")
q("plain", "sv", "upphandling", None, "procurement")
q("plain", "en", "parking", None, "parking")
q("plain", "en", "gis", None, "map")
q("plain", "en", "biodiversity", None, "nature")
q("plain", "en", "geotechnics", None, "geo")

# two words: kind + topic
q("kind+topic", "fi", "kesätyö puisto", [S], "park")
q("kind+topic", "fi", "kunnossapito kesätyö", [S], "maint")
q("kind+topic", "fi", "opinnäytetyö silta", [T], "bridge")
q("kind+topic", "fi", "harjoittelu mittaus", [I], "survey")
q("kind+topic", "fi", "diplomityö pohjavesi", [T], "groundwater")
q("kind+topic", "fi", "kesätyö liikenne", [S], TRAFFIC_ALL)
q("kind+topic", "fi", "harjoittelu rakennuttaminen", [I], "construction renovation cost hvac supervision")
q("kind+topic", "fi", "opinnäytetyö puurakentaminen", [T], "wood")
q("kind+topic", "fi", "kesätyö asiakaspalvelu", [S], "customer")
q("kind+topic", "fi", "harjoittelu talous", [I], "finance")
q("kind+topic", "fi", "opinnäytetyö energia", [T], "energy")
q("kind+topic", "fi", "kesätyö metsä", [S], "forest")
q("kind+topic", "fi", "harjoittelu ilmasto", [I], "climate")
q("kind+topic", "fi", "opinnäytetyö data", [T], "data opendata analytics iot ai")
q("kind+topic", "sv", "praktik geoteknik", [I], "geo")
q("kind+topic", "sv", "examensarbete miljö", [T], "stormwater nature climate water air noise")
q("kind+topic", "en", "thesis parking", [T], "parking")
q("kind+topic", "en", "internship gis", [I], "map")
q("kind+topic", "en", "internship geotechnical", [I], "geo")


def main() -> None:
    records, queries = write_set(HERE, "fr", OPENINGS, [query[1:] for query in Q])
    by_language = Counter(r["languages"][0] for r in records)
    print(f"{len(records)} openings ({dict(by_language)}), {len(queries)} queries ({dict(Counter(q['language'] for q in queries))})")
    print("query kinds:", dict(Counter(c for c, *_ in Q)))


if __name__ == "__main__":
    main()
