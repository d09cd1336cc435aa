# ruff: noqa: E501
"""Unseen relevance set: a fourth independent set, written without sight of the search, its
lexicon or the other sets.

Only `labelled.py` (units, kinds and the judging), the design note and the Urban Technology
Centre's strategy (the seed text) were read before writing it. The openings were written
first, the way different supervisors write their ads: mostly Finnish, some Finnish ads open to
English or Swedish applicants, some Swedish and some English ads, over all ten units and all
three kinds. Every opening carries the topics a student would file it under (a few broad ones
such as `geotechnics` or `maintenance` for the unit's field, and narrower ones such as
`stormwater` or `playgrounds`).

The queries were then written from a student's point of view first - what would I type into
the search box - and only afterwards judged by labels: a query names the kind(s) it means
(None: any kind) and the topic(s) it means; `write_set` accepts an opening when kind and a
topic fit and the opening is open to the query's language. Nine groups of about equal size:

1. compounds typed differently from the ads (joined where ads split, split where ads join);
2. derivations and inflections (-ja/-nti/-minen nouns, essive, translative, plural cases);
3. colloquial and clipped words (oppari, gradu, dippa, kesäduuni, harkka, exjobb, msc ...);
4. domain synonyms, words the ads do not use for the same thing;
5. Swedish compounds and inflections (plural and definite forms);
6. English words for kinds and roles (work placement, trainee, field worker ...);
7. English or Swedish queries for Finnish openings open to that language;
8. plain one-word topic queries;
9. two-word kind + topic queries.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from labelled import ADMIN, BUILD, DATA, ENV, GEO, GREEN, MAINT, STREET, SURVEY, TRAFFIC, I, Openings, S, T, write_set  # noqa: E402, I001

OPENINGS = Openings()
add = OPENINGS.add

# --- Viheralueiden ylläpito ---------------------------------------------------------------
add("fi", S, GREEN, "Kesätyöntekijä viheralueiden hoitoon",
    "Tule mukaan hoitamaan Espoon puistoja ja katuviheralueita kesäksi 2027. Työhön kuuluu nurmikon leikkuuta, istutusten kitkemistä ja roskien keräämistä puistoalueilta. Työ tehdään pienissä ryhmissä, ja työpäivä alkaa Kauklahden tukikohdasta.",
    "puistot;viheralueet;kesätyö", "parks park_maintenance")
add("fi", S, GREEN, "Leikkipaikkojen tarkastaja (kesätyö)",
    "Tarkastat kesän aikana kaupungin leikkipuistojen leikkivälineitä ja turva-alustoja tarkistuslistan mukaan ja kirjaat havaitut puutteet mobiilisovellukseen. Perehdytämme tehtävään ja standardien vaatimuksiin ennen kauden alkua.",
    "leikkipaikat;turvallisuus;tarkastus", "playgrounds play_equipment_safety")
add("fi", T, GREEN, "Opinnäytetyö: leikkipuistojen käyttäjäryhmät ja muuttuvat harrastusmuodot",
    "Selvitä, miten eri-ikäiset käyttävät Espoon leikkipuistoja ja lähiliikuntapaikkoja ja millaisia uusia harrastusmuotoja, kuten parkouria tai skeittausta, alueille toivotaan. Työhön voi kuulua kysely, havainnointia ja suosituksia peruskorjattavien kohteiden suunnitteluun.",
    "leikkipuistot;lähiliikunta;käyttäjätutkimus", "playgrounds sports_places participation")
add("fi+en", T, GREEN, "Diplomityö: katupuiden elinvoimaisuuden arviointi kaukokartoituksella",
    "Tutkitaan, voidaanko katupuiden kuntoa ja elinvoimaisuutta arvioida laserkeilaus- ja ilmakuva-aineistoista. Työssä verrataan kaukokartoituksen tuloksia maastossa tehtyihin puustoinventointeihin. Työn voi kirjoittaa suomeksi tai englanniksi.",
    "katupuut;kaukokartoitus;laserkeilaus", "trees remote_sensing")
add("fi", S, GREEN, "Puistotyöntekijä niittotöihin ja niittyjen hoitoon",
    "Kesätyössä hoidat kaupungin niittyjä ja maisemapeltoja: niität raivaussahalla, haravoit niittojätettä ja kuljetat sen pois. Tehtävä sopii luonnossa viihtyvälle, ja raivaussahakortin voi suorittaa työn aikana.",
    "niityt;luonnon monimuotoisuus;raivaussaha", "meadows biodiversity park_maintenance")
add("fi+sv", S, GREEN, "Vieraslajien torjuja / Bekämpare av invasiva arter",
    "Kitket ja kartoitat jättipalsamia, komealupiinia ja kurtturuusua kaupungin viheralueilla. Tiimissä puhutaan suomea ja ruotsia. Du rensar och kartlägger jättebalsamin, blomsterlupin och vresros på stadens grönområden.",
    "vieraslajit;invasiva arter;kesätyö", "invasive_species biodiversity")
add("fi", I, GREEN, "Harjoittelija puistosuunnitteluun ja viheralueiden ylläpitoon",
    "Pääset harjoittelussa mukaan viheralueiden ylläpitosuunnitelmien laatimiseen ja hoitoluokituksen päivittämiseen. Teet kohdekäyntejä urakoitsijan kanssa ja päivität tietoja viheralueiden omaisuusrekisteriin. Sopii hortonomi- tai maisema-arkkitehtiopiskelijalle.",
    "puistot;hoitoluokitus;harjoittelu", "parks green_area_register maintenance_classification")
add("fi", T, GREEN, "Opinnäyte: talkootoiminnan tuotteistaminen puistoissa",
    "Espoo haluaa lisätä asukkaiden talkoita ja muuta vapaaehtoistoimintaa viheralueilla. Opinnäytetyössä kehitetään talkoopaketti: miten talkoista sovitaan, mitä välineitä kaupunki lainaa ja miten vaikutuksia mitataan.",
    "talkoot;vapaaehtoistoiminta;asukkaat", "volunteering participation parks")
add("fi", S, GREEN, "Kesätyö: uimarantojen ja ulkoilualueiden siisteys",
    "Huolehdit kesän ajan uimarantojen, rantaraitin ja ulkoilualueiden siisteydestä. Tyhjennät roska-astioita, haravoit rantahiekkaa ja tarkastat pukukopit. Osa kohteista kierretään pyörällä, osa pakettiautolla.",
    "uimarannat;rantaraitti;siivous", "beaches outdoor_recreation littering")
add("fi+en", I, GREEN, "Harjoittelija puunhoitoon / Arborist intern",
    "Harjoittelija osallistuu katu- ja puistopuiden kuntotarkastuksiin, riskipuiden arviointiin ja kaatolupahakemusten käsittelyyn. Työ sopii arboristi- tai metsätalousopiskelijalle. English-speaking students are welcome.",
    "puut;arboristi;riskipuut", "trees tree_risk")
add("fi", T, GREEN, "Opinnäytetyö: luontopolkujen ja ulkoilureittien opastus",
    "Kartoita Espoon luontopolkujen ja ulkoilureittien opasteet ja tee ehdotus yhtenäisestä opastekokonaisuudesta. Työssä haastatellaan reittien käyttäjiä ja hyödynnetään käyttäjälaskureiden tietoja.",
    "ulkoilureitit;luontopolut;opasteet", "outdoor_recreation wayfinding")
add("sv", S, GREEN, "Sommarjobb inom parkskötsel i Esbo",
    "Vi söker sommararbetare till parkskötseln i södra Esbo. Arbetet omfattar gräsklippning, ogräsrensning och skötsel av planteringar i parker och på gatuområden. Arbetsspråket är svenska och finska.",
    "parkskötsel;sommarjobb", "parks park_maintenance")
add("sv", T, GREEN, "Examensarbete: ängar och biologisk mångfald i stadsparker",
    "I examensarbetet undersöks hur omvandlingen av gräsmattor till ängar påverkar artrikedomen och skötselkostnaderna. Arbetet kan skrivas på svenska eller finska.",
    "ängar;biologisk mångfald", "meadows biodiversity")
add("en", I, GREEN, "Internship: urban tree inventory with mobile GIS",
    "Join the green area team to update the city's tree register in the field using a tablet and mobile GIS. You will record the species, trunk diameter and condition of park and street trees. Suitable for forestry, biology or geography students.",
    "trees;inventory;GIS", "trees tree_inventory gis")
add("fi", S, GREEN, "Kesätyöntekijä urheilukenttien ja lähiliikuntapaikkojen hoitoon",
    "Tehtäviin kuuluu tekonurmikenttien harjausta, pallokenttien viivausta sekä kuntoportaiden ja ulkokuntosalien tarkastuksia. Työ tehdään kahden hengen työparina.",
    "urheilukentät;lähiliikuntapaikat", "sports_places park_maintenance")
add("fi", T, GREEN, "Pro gradu: kaupunkipuiden hiilensidonta ja ekosysteemipalvelut",
    "Arvioi Espoon puisto- ja katupuiden hiilensidontaa sekä muita ekosysteemipalveluita, kuten sadeveden pidättämistä ja varjostusta. Aineistona on kaupungin puurekisteri.",
    "puut;hiilensidonta;ekosysteemipalvelut", "trees carbon ecosystem_services")
add("fi", I, GREEN, "Harjoittelija kaupunkiviljelyn ja asukaspuistojen tueksi",
    "Harjoittelija koordinoi viljelypalstojen vuokrausta, neuvoo palstaviljelijöitä ja järjestää asukasyhdistysten kanssa tapahtumia asukaspuistoissa.",
    "kaupunkiviljely;palstat;asukkaat", "urban_gardening participation")
add("fi", S, GREEN, "Kastelukesätyö: uudet istutukset ja kesäkukat",
    "Kastelet kesän aikana uusia puuistutuksia ja kesäkukkaistutuksia vesisäiliöautolla. B-ajokortti vaaditaan, C-kortista on hyötyä.",
    "kastelu;istutukset;ajokortti", "planting park_maintenance trees")

# --- Kunnossapito ---------------------------------------------------------------------------
add("fi", T, MAINT, "Opinnäytetyö: kävely- ja pyöräteiden talvikunnossapidon laatu",
    "Selvitetään, miten auraus, harjasuolaus ja liukkaudentorjunta toteutuvat pääpyöräreiteillä laatuvaatimuksiin nähden. Aineistona ovat urakoitsijoiden GPS-seurantatiedot ja asukaspalaute.",
    "talvikunnossapito;pyöräily;laatu", "maintenance winter_maintenance cycling")
add("fi", S, MAINT, "Kesätyöntekijä katujen kunnossapitoon",
    "Kesätyöntekijänä paikkaat kuoppia, korjaat reunakiviä, siistit katualueita ja vaihdat liikennemerkkejä. Työ tehdään ryhmässä kunnossapidon työnjohtajan alaisuudessa.",
    "kunnossapito;kadut;kesätyö", "maintenance street_maintenance pavement_repair traffic_signs")
add("fi", I, MAINT, "Harjoittelija kunnossapidon valvontaan",
    "Harjoittelija valvoo alueurakoiden laatua: kiertää katuja, kirjaa havaintoja ja osallistuu urakkakokouksiin. Tehtävässä näet, miten kunnossapitoluokitus ja laatuvaatimukset näkyvät käytännössä.",
    "urakat;valvonta;laatu", "maintenance contract_supervision street_maintenance maintenance_classification")
add("fi", T, MAINT, "Diplomityö: kunnossapitoluokitus koulujen ja päiväkotien läheisyydessä",
    "Tarkastellaan nykyistä kunnossapitoluokitusta jalankulku- ja pyöräilyväylillä palvelukeskittymien ympärillä ja esitetään muutoksia, jotka kannustaisivat lapsia ja senioreita omaehtoiseen liikkumiseen.",
    "kunnossapitoluokitus;koulut;talvi", "maintenance maintenance_classification school_routes winter_maintenance")
add("fi", S, MAINT, "Katujen puhtaanapito, kesätyö",
    "Kesällä kadut pidetään siisteinä: toimit lakaisukoneen apuna, tyhjennät roska-astioita ja siivoat ilkivallan jälkiä. Työ alkaa toukokuun lopussa.",
    "puhtaanapito;siivous;ilkivalta", "maintenance street_cleaning littering vandalism")
add("fi+en", T, MAINT, "Opinnäytetyö: päällystevaurioiden tunnistus kamerakuvasta / Thesis: pothole detection",
    "Kaupungin ajoneuvoihin asennetut kamerat keräävät kuvaa kaduista. Opinnäytetyössä kehitetään koneoppimismalli päällystevaurioiden, kuten reikien ja halkeamien, tunnistamiseen. The thesis can be written in English.",
    "päällysteet;koneoppiminen;kamerat", "maintenance pavement_condition machine_learning")
add("fi", S, MAINT, "Liikennemerkkien ja opasteiden kartoittaja",
    "Kesätyössä kartoitat katujen liikennemerkit ja opasteet mobiilisovelluksella ja päivität niiden kuntotiedot rekisteriin. Liikut kohteesta toiseen pyörällä.",
    "liikennemerkit;rekisteri", "maintenance traffic_signs asset_register")
add("fi", I, MAINT, "Harjoittelija siltojen kuntotarkastuksiin",
    "Pääset siltainsinöörin mukana tekemään siltojen yleistarkastuksia ja kirjaamaan havaitut vauriot siltarekisteriin. Sopii rakennustekniikan opiskelijalle.",
    "sillat;tarkastukset", "maintenance bridges bridge_inspection")
add("fi", T, MAINT, "Opinnäytetyö: katuvalaistuksen energiatehokkuus ja luontoarvot",
    "Työssä selvitetään, miten LED-valaisimiin siirtyminen ja himmennysohjaus vaikuttavat energiankulutukseen, turvallisuuden tunteeseen ja lepakoihin.",
    "katuvalaistus;energia;lepakot", "maintenance street_lighting energy nature_values")
add("sv", S, MAINT, "Sommarjobb inom gatuunderhåll",
    "Som sommarjobbare lagar du potthål, rensar brunnar och städar gatuområden tillsammans med stadens underhållsteam. Du behöver körkort B.",
    "gatuunderhåll;sommarjobb", "maintenance street_maintenance pavement_repair")
add("en", T, MAINT, "Master's thesis: decision support for winter road maintenance",
    "Develop a prototype that combines weather forecasts, road weather sensors and plough GPS tracks to support decisions on ploughing and anti-skid treatment on the city's main cycle routes.",
    "winter maintenance;sensors;decision support", "maintenance winter_maintenance digital_twin")
add("fi", S, MAINT, "Kesätyö: puistonpenkkien, aitojen ja katukalusteiden kunnostus",
    "Hiot ja maalaat puistonpenkkejä, korjaat aitoja ja pyörätelineitä sekä vaihdat rikkoutuneita roska-astioita uusiin.",
    "kalusteet;maalaus;korjaus", "maintenance street_furniture vandalism")
add("fi", I, MAINT, "Kunnossapidon harjoittelija: omaisuustiedon ajantasaisuus",
    "Harjoittelija päivittää katujen ja rakenteiden omaisuustietoja ja selvittää, mitkä rekisterin tiedot ovat yli kaksi vuotta vanhoja. Tehtävässä käytetään paikkatieto-ohjelmia.",
    "omaisuustieto;rekisteri", "maintenance asset_register data_quality")
add("fi", T, MAINT, "Opinnäytetyö: lumenkaatopaikkojen sijainti ja kapasiteetti",
    "Lumenkaatopaikat täyttyvät runsaslumisina talvina. Opinnäytetyössä mallinnetaan lumimäärät ja kuljetusmatkat ja ehdotetaan uusia vastaanottopaikkoja.",
    "lumi;lumenkaatopaikat", "maintenance winter_maintenance snow_disposal")
add("fi", S, MAINT, "Hiekoitushiekan poisto ja kevätsiivous",
    "Toukokuussa alkavassa työssä poistetaan hiekoitussepeli kävelyteiltä ja pyöräteiltä puhaltamalla ja harjaamalla. Työ jatkuu kesäkuun loppuun.",
    "kevätsiivous;hiekoitus", "maintenance street_cleaning")
add("fi+sv", I, MAINT, "Harjoittelija katuvalaistuksen kunnossapitoon / Praktikant inom gatubelysning",
    "Harjoittelija käsittelee valaistuksen vikailmoituksia ja päivittää valaisinrekisteriä. Praktikanten deltar i hanteringen av felanmälningar för gatubelysningen och uppdaterar registret.",
    "katuvalaistus;gatubelysning;vikailmoitukset", "maintenance street_lighting asset_register")
add("fi", T, MAINT, "Opinnäytetyö: uusiomateriaalit päällystekorjauksissa",
    "Vertaile kierrätysasfaltin ja muiden uusiomateriaalien käyttöä kuopanpaikkauksessa ja päällystekorjauksissa elinkaarikustannusten ja päästöjen kannalta.",
    "kierrätysasfaltti;päällysteet", "maintenance pavement_repair circular_economy")
add("en", S, MAINT, "Summer job: cycle route maintenance crew",
    "Keep the city's main cycle routes safe and tidy over the summer: sweeping, trimming vegetation at sightlines and reporting damaged signs. Cycling between sites is part of the job.",
    "cycling;maintenance;summer", "maintenance cycling street_maintenance")

# --- Liikennesuunnittelu --------------------------------------------------------------------
add("fi", T, TRAFFIC, "Opinnäytetyö: koulumatkojen turvallisuuden mittarit",
    "Kehitetään mittareita, joilla koulumatkojen turvallisuutta voidaan seurata vuosittain: onnettomuustilastot, vanhempien kokema turvallisuus ja saattoliikenne. Työ tukee kaupunkitekniikan keskuksen tavoitteita.",
    "koulumatkat;liikenneturvallisuus;mittarit", "traffic_planning school_routes traffic_safety indicators")
add("fi", S, TRAFFIC, "Liikennelaskija, kesätyö",
    "Kesätyönä lasket jalankulkijoita, pyöräilijöitä ja ajoneuvoja risteyksissä paikan päällä ja videoilta. Laskentatuloksia käytetään liikennesuunnittelussa.",
    "liikennelaskennat;kesätyö", "traffic_planning traffic_counts")
add("fi", I, TRAFFIC, "Harjoittelija liikenneturvallisuustyöhön",
    "Harjoittelija analysoi poliisin onnettomuusaineistoa, tekee maastokäyntejä vaarallisiksi koettuihin paikkoihin ja valmistelee toimenpide-ehdotuksia.",
    "liikenneturvallisuus;onnettomuudet", "traffic_planning traffic_safety accident_analysis")
add("fi+en", T, TRAFFIC, "Diplomityö: pyöräliikenteen baanojen sujuvuus",
    "Analysoidaan pyöräliikenteen laskentapisteiden ja sovellusdatan avulla, kuinka sujuvia baanat ovat ja missä liittymissä pyöräilijät joutuvat odottamaan. The thesis may be written in English.",
    "pyöräily;baanat;sujuvuus", "traffic_planning cycling traffic_flow")
add("fi", T, TRAFFIC, "Opinnäytetyö: sähköpotkulautojen pysäköinti katutilassa",
    "Sähköpotkulaudat ja kaupunkipyörät jäävät usein kävelyteille. Selvitä pysäköintialueiden sijoittelun periaatteet ja niiden vaikutus esteettömyyteen.",
    "sähköpotkulaudat;pysäköinti;esteettömyys", "traffic_planning micromobility parking accessibility")
add("fi", S, TRAFFIC, "Kesätyö: pysäköinnin kartoitus asuinalueilla",
    "Kierrät kesällä asuinalueita ja kirjaat kadunvarsipysäköinnin käyttöasteen eri vuorokaudenaikoina. Tulokset menevät pysäköintipolitiikan päivitykseen.",
    "pysäköinti;kartoitus", "traffic_planning parking")
add("fi", I, TRAFFIC, "Liikennesuunnittelun harjoittelija: nopeusrajoitukset ja hidasteet",
    "Päivität nopeusrajoitusaineistoa, selvität asukkaiden aloitteita hidasteista ja osallistut liikennesuunnitelmien valmisteluun.",
    "nopeusrajoitukset;hidasteet", "traffic_planning speed_limits traffic_calming")
add("en", T, TRAFFIC, "Thesis: modelling the sustainable mode share in Espoo",
    "Use the HSL travel survey and the city's transport model to estimate how planned cycling and public transport measures change the share of trips made by sustainable modes. Python or R skills are an advantage.",
    "transport model;mode share", "traffic_planning transport_modelling public_transport cycling")
add("sv", T, TRAFFIC, "Examensarbete: säkra skolvägar i Esbo",
    "Undersök hur eleverna i Esbos svenskspråkiga skolor tar sig till skolan och var de upplever vägen som farlig. Arbetet omfattar en enkät och förslag till åtgärder.",
    "skolvägar;trafiksäkerhet", "traffic_planning school_routes traffic_safety")
add("fi", S, TRAFFIC, "Koulureittien kartoittaja kesäksi",
    "Kartoitat koulujen ympäristön suojatiet, hidasteet ja näkemäesteet ennen syyslukukauden alkua. Havainnoista kootaan korjauslista syksyn töihin.",
    "koulureitit;suojatiet", "traffic_planning school_routes traffic_safety")
add("fi", T, TRAFFIC, "Opinnäytetyö: liikennevalojen etuudet joukkoliikenteelle",
    "Tutkitaan, miten bussien valoetuudet Kehä I:n liittymissä vaikuttavat matka-aikoihin ja muun liikenteen sujuvuuteen.",
    "liikennevalot;bussit", "traffic_planning traffic_signals public_transport")
add("fi+en", I, TRAFFIC, "Harjoittelija joukkoliikenteen suunnitteluun / Public transport planning intern",
    "Pääset mukaan bussipysäkkien esteettömyyden kartoitukseen ja liityntäpysäköinnin suunnitteluun. Työkielenä suomi tai englanti.",
    "joukkoliikenne;pysäkit", "traffic_planning public_transport bus_stops accessibility")
add("fi", T, TRAFFIC, "Opinnäytetyö: työmaiden tilapäiset liikennejärjestelyt kävelijöiden ja pyöräilijöiden kannalta",
    "Arvioi työmaiden tilapäisiä liikennejärjestelyjä maastossa ja esitä, miten kävelyn ja pyöräilyn turvallisuus ja sujuvuus voidaan varmistaa. Työssä käydään läpi liikennejärjestelysuunnitelmien laatuvaatimuksia.",
    "työmaat;liikennejärjestelyt", "traffic_planning temporary_traffic_arrangements traffic_safety")
add("fi", I, TRAFFIC, "Harjoittelu: kävelyn edistäminen ja jalankulkuympäristöt",
    "Harjoittelija kartoittaa kävelyreittien jatkuvuutta kaupunkikeskuksissa ja tekee ehdotuksia kävely-ympäristön parantamiseksi.",
    "kävely;jalankulku", "traffic_planning walking")
add("sv", I, TRAFFIC, "Praktik inom trafikplanering",
    "Som praktikant deltar du i trafikplaneringen: du analyserar trafikräkningar, besöker planeringsområden och ritar skisser i AutoCAD.",
    "trafikplanering;praktik", "traffic_planning traffic_counts")
add("en", I, TRAFFIC, "Traffic safety data intern",
    "Analyse road accident data from the past ten years, map accident hot spots and present your findings to the traffic planners.",
    "traffic safety;accidents;data", "traffic_planning traffic_safety accident_analysis")
add("fi", T, TRAFFIC, "Opinnäytetyö: sähköautojen latauspisteet katualueilla",
    "Missä ja millä periaatteilla julkisia latauspisteitä kannattaa sijoittaa katualueille? Työhön kuuluu kysyntäanalyysi ja suositukset.",
    "latausinfra;sähköautot", "traffic_planning ev_charging")
add("fi", S, TRAFFIC, "Kesätyö: pyöräpysäköinnin inventointi asemilla",
    "Lasket pyöräpysäköintipaikkojen käyttöä metro- ja juna-asemilla ja kirjaat pyörätelineiden kunnon.",
    "pyöräpysäköinti;asemat", "traffic_planning bike_parking cycling")

# --- Kaupunkimittaus ------------------------------------------------------------------------
add("fi", S, SURVEY, "Mittausapulainen kesäksi",
    "Toimit maastomittausryhmässä takymetrin ja GNSS-laitteen kanssa: rakennusten ja katujen mittauksia, merkintöjä ja kiintopisteiden tarkistuksia.",
    "mittaus;GNSS;takymetri", "surveying field_surveying")
add("fi", I, SURVEY, "Harjoittelija kaupunkimittaukseen: maastomittaukset",
    "Harjoittelija osallistuu rakennusten paikan merkintöihin ja sijaintikatselmuksiin sekä kantakartan ylläpitomittauksiin.",
    "maastomittaus;kantakartta", "surveying field_surveying base_map")
add("fi", T, SURVEY, "Opinnäytetyö: kantakartan ajantasaisuuden seuranta",
    "Kehitetään menetelmä, jolla kantakartan kohteiden ikää ja ajantasaisuutta seurataan automaattisesti. Tavoitteena on, että enintään viisi prosenttia aineistosta on yli kaksi vuotta vanhaa.",
    "kantakartta;ajantasaisuus", "surveying base_map data_quality")
add("fi+en", T, SURVEY, "Diplomityö: kaupunkitietomallin hyödyntäminen suunnittelussa",
    "Tutkitaan, miten Espoon 3D-kaupunkitietomallia voidaan käyttää katu- ja puistosuunnittelussa sekä vuorovaikutuksessa asukkaiden kanssa. The thesis may be written in English.",
    "kaupunkitietomalli;3D", "surveying city_model_3d")
add("fi", T, SURVEY, "Opinnäytetyö: droonikuvaus työmaiden seurannassa",
    "Selvitetään, voivatko drooneilla tehdyt kuvaukset ja niistä lasketut pistepilvet korvata osan työmaiden määrämittauksista.",
    "droonit;pistepilvet;määrämittaus", "surveying drones point_cloud")
add("fi", S, SURVEY, "Kesätyö: osoitenumeroiden ja katukilpien tarkastus",
    "Kierrät kaupunginosia ja tarkistat, että talojen osoitenumerot ja kadunnimikilvet ovat paikallaan ja näkyvissä. Havainnot kirjataan karttasovellukseen.",
    "osoitteet;kadunnimet", "surveying addressing")
add("en", T, SURVEY, "Thesis: mobile laser scanning point clouds for street asset inventory",
    "Develop methods that automatically extract kerbs, poles and signs from the mobile laser scanning point clouds collected by the city, and compare them with the existing registers.",
    "laser scanning;point clouds", "surveying point_cloud laser_scanning asset_register")
add("sv", I, SURVEY, "Praktikant inom stadsmätning",
    "Du deltar i terrängmätningar med GNSS och totalstation, utstakningar av byggnader och uppdatering av baskartan.",
    "mätning;baskarta", "surveying field_surveying base_map")
add("fi", I, SURVEY, "Paikkatietoharjoittelija",
    "Harjoittelija tuottaa karttoja ja paikkatietoanalyysejä QGIS:llä ja ArcGIS Prolla eri yksiköiden tarpeisiin ja ylläpitää karttapalvelun aineistoja.",
    "paikkatieto;QGIS;kartat", "surveying gis mapping")
add("fi", T, SURVEY, "Opinnäytetyö: kiinteistörajojen ja rekisteritietojen yhteensovittaminen",
    "Vertaile kiinteistörekisterin rajatietoja maastossa mitattuihin rajamerkkeihin ja selvitä erojen syitä.",
    "kiinteistöt;rajamerkit", "surveying cadastre")
add("fi+sv", S, SURVEY, "Kesätyöntekijä mittaukseen / Sommarjobbare till mätningen",
    "Kesätyössä autat mittausryhmiä maastossa ja opit käyttämään GNSS-laitteita. Du hjälper mätningsgrupperna i terrängen och lär dig använda GNSS-utrustning.",
    "mittaus;mätning", "surveying field_surveying")
add("fi", I, SURVEY, "Harjoittelija ilmakuvien ja ortokuvien käsittelyyn",
    "Harjoittelija tarkastaa uusien ilmakuvausten ortokuvat, korjaa oikaisuvirheitä ja julkaisee aineistot karttapalveluun.",
    "ilmakuvat;ortokuvat", "surveying aerial_imagery gis")
add("en", I, SURVEY, "GIS intern: open map services",
    "Help maintain the city's map services and publish datasets as open interfaces (WMS, WFS, OGC API). QGIS or Python skills are a plus.",
    "GIS;map services;open data", "surveying gis open_data")
add("fi", T, SURVEY, "Pro gradu: maanalaisen infran 3D-tietomalli",
    "Selvitetään, miten maanalaisten johtojen ja putkien sijaintitiedot saadaan osaksi kaupunkitietomallia ja kuinka tarkkoja tiedot ovat.",
    "maanalainen infra;tietomalli", "surveying city_model_3d underground_utilities")
add("fi", S, SURVEY, "Karttapalvelun kesätyöntekijä",
    "Kesätyössä digitoit vanhoja karttoja ja ilmakuvia ja tarkistat paikannimiä karttapalveluun.",
    "kartat;digitointi", "surveying mapping digitization")
add("sv", T, SURVEY, "Examensarbete: noggrannhet i GNSS-mätningar i tät stadsmiljö",
    "Undersök hur höga byggnader och träd påverkar noggrannheten i GNSS-mätningar och jämför med totalstationsmätningar.",
    "GNSS;noggrannhet", "surveying field_surveying gnss_accuracy")

# --- Geotekniikka ---------------------------------------------------------------------------
add("fi", T, GEO, "Diplomityö: pehmeikölle rakennettujen katujen painumat",
    "Savikoille rakennetut kadut painuvat vuosien mittaan. Diplomityössä analysoidaan painumamittausten tuloksia ja verrataan niitä laskelmiin.",
    "painumat;savi;pehmeiköt", "geotechnics settlement soft_soil")
add("fi", S, GEO, "Kesätyö: pohjatutkimusavustaja",
    "Toimit kairausryhmän apuna maastossa: kairauksia, näytteenottoa ja pohjavesiputkien mittauksia.",
    "pohjatutkimukset;kairaus", "geotechnics ground_investigation groundwater")
add("fi", I, GEO, "Geotekniikan harjoittelija",
    "Harjoittelija laatii pohjatutkimusten tuloksista kairausraportteja, päivittää maaperätietokantaa ja osallistuu geoteknisiin suunnittelukatselmuksiin.",
    "geotekniikka;pohjatutkimus", "geotechnics ground_investigation soil_database")
add("fi", T, GEO, "Opinnäytetyö: maamassojen hyötykäyttö ja massakoordinaatio",
    "Selvitetään, miten kaivumaita ja louhetta voitaisiin hyödyntää kaupungin hankkeissa nykyistä enemmän ja miten massojen välivarastointia koordinoidaan.",
    "maamassat;kiertotalous", "geotechnics soil_masses circular_economy")
add("fi+en", T, GEO, "Opinnäytetyö: tärinämittaukset paalutus- ja louhintatyömailla / Thesis: vibration monitoring",
    "Analysoi työmaiden tärinämittausaineistoja ja vertaa niitä lähirakennusten raja-arvoihin. The thesis can be done in Finnish or English.",
    "tärinä;paalutus;louhinta", "geotechnics vibration")
add("fi", T, GEO, "Opinnäytetyö: pilaantuneiden maiden kunnostus katuhankkeissa",
    "Kartoita pilaantuneiden maiden käsittelyn käytännöt ja kustannukset viimeisten viiden vuoden katuhankkeissa ja esitä kehitysehdotuksia.",
    "pilaantuneet maat;kunnostus", "geotechnics contaminated_soil")
add("fi", I, GEO, "Harjoittelija pohjavesiseurantaan",
    "Harjoittelija mittaa pohjavedenpintoja havaintoputkista, analysoi pitkiä aikasarjoja ja raportoi rakentamisen vaikutuksista pohjaveteen.",
    "pohjavesi;havaintoputket", "geotechnics groundwater")
add("en", I, GEO, "Geotechnical engineering intern",
    "Assist the city's geotechnical engineers with stability calculations, ground investigation reports and site visits. Students of civil or geotechnical engineering are welcome.",
    "geotechnics;stability", "geotechnics ground_investigation slope_stability")
add("fi", T, GEO, "Diplomityö: kallionpinnan mallinnus kairaustiedoista",
    "Kairausaineistosta laaditaan kallionpintamalli koneoppimisen ja geostatistiikan keinoin, ja mallin epävarmuus arvioidaan.",
    "kallionpinta;mallinnus", "geotechnics bedrock_model soil_database")
add("sv", S, GEO, "Sommarjobb inom geoteknik",
    "Du assisterar vid borrningar och provtagning och mäter grundvattennivåer i observationsrör.",
    "geoteknik;borrning", "geotechnics ground_investigation groundwater")
add("fi", S, GEO, "Kesätyöntekijä painumamittauksiin",
    "Mittaat katujen ja siltojen painumaseurantapisteitä vaaituskojeella yhdessä geoteknikon kanssa.",
    "painumat;vaaitus", "geotechnics settlement field_surveying")
add("fi", T, GEO, "Opinnäytetyö: kevennysrakenteet pehmeiköillä",
    "Vertaillaan vaahtolasimurskeen, kevytsoran ja EPS-levyjen käyttöä kevennysrakenteina savikoille rakennettavilla kaduilla.",
    "kevennys;vaahtolasi", "geotechnics soft_soil lightweight_fill")
add("fi", I, GEO, "Harjoittelija: massastabilointi ja pehmeiköt",
    "Harjoittelija seuraa massastabilointityömaata, ottaa näytteitä ja kokoaa laadunvarmistuksen tuloksia raportiksi.",
    "stabilointi;pehmeiköt", "geotechnics soft_soil ground_improvement")
add("en", T, GEO, "Thesis: low-carbon binders for mass stabilisation",
    "Compare the strength and carbon footprint of low-carbon binders, such as slag and fly ash mixes, in mass stabilisation of soft clay.",
    "stabilisation;binders;low carbon", "geotechnics ground_improvement low_carbon")
add("fi", T, GEO, "Opinnäytetyö: routa ja kevyen liikenteen väylien vauriot",
    "Tutki, miten routa vaurioittaa kävely- ja pyöräteitä ja millaisilla rakenteilla vaurioita voidaan vähentää.",
    "routa;vauriot", "geotechnics frost pavement_condition")

# --- Katu- ja infrasuunnittelu --------------------------------------------------------------
add("fi", T, STREET, "Diplomityö: inframallinnus katusuunnittelussa",
    "Kehitetään inframallinnuksen käytäntöjä katusuunnitteluhankkeissa: mallien tarkastus, yhteentoimivuus ja mallipohjainen määrälaskenta.",
    "inframalli;tietomallinnus", "infra_bim street_design")
add("fi", I, STREET, "Harjoittelija katusuunnitteluun",
    "Harjoittelija laatii katusuunnitelmia ja rakennussuunnitelmien luonnoksia AutoCADilla ja Novapointilla suunnittelijan ohjauksessa.",
    "katusuunnittelu;AutoCAD", "street_design")
add("fi", T, STREET, "Opinnäytetyö: biosuodatusalueet hulevesien hallinnassa",
    "Tutki katualueiden biosuodatusalueiden ja sadepuutarhojen toimivuutta Espoossa ja laadi mitoitusohjeen luonnos.",
    "hulevedet;biosuodatus", "stormwater green_infrastructure")
add("fi+en", T, STREET, "Opinnäytetyö: vähähiilinen katurakentaminen / Low-carbon street construction",
    "Lasketaan katuhankkeiden hiilijalanjälki ja vertaillaan vähähiilisiä materiaalivaihtoehtoja. The work can be written in English.",
    "vähähiilisyys;hiilijalanjälki", "low_carbon carbon_footprint")
add("fi", I, STREET, "Harjoittelija: esteettömyys katusuunnittelussa",
    "Kartoitat suojateiden, bussipysäkkien ja kävelyreittien esteettömyyttä ja päivität esteettömyysohjeistusta.",
    "esteettömyys;ohjeet", "accessibility street_design")
add("sv", T, STREET, "Examensarbete: cykelbanor och utformning av korsningar",
    "Undersök hur utformningen av korsningar längs huvudcykelstråken påverkar säkerheten och framkomligheten.",
    "cykelbanor;korsningar", "cycling street_design traffic_safety")
add("fi", T, STREET, "Opinnäytetyö: kevyen liikenteen siltojen elinkaarikustannukset",
    "Vertaile teräs-, betoni- ja puusiltojen elinkaarikustannuksia ja ympäristövaikutuksia jalankulun ja pyöräilyn silloissa.",
    "sillat;elinkaari", "bridges life_cycle")
add("en", I, STREET, "Intern, street and infrastructure design",
    "Work with designers on street and park plans, prepare drawings and quantity take-offs and attend design meetings with consultants. Your team works in English; Finnish is not required.",
    "street design;drawings", "street_design")
add("fi", S, STREET, "Kesätyö: katusuunnittelun avustavat tehtävät",
    "Kesätyöntekijä skannaa ja luetteloi vanhoja katusuunnitelmia, tarkistaa suunnitelmien tietoja ja avustaa suunnittelijoita.",
    "suunnitelmat;skannaus", "street_design archive")
add("fi", T, STREET, "Opinnäytetyö: katutilan viihtyisyys ja katutaide",
    "Miten katutaide, istutukset ja kalusteet vaikuttavat katutilan viihtyisyyteen? Työssä tehdään käyttäjäkysely kahdessa kaupunkikeskuksessa.",
    "viihtyisyys;katutaide", "streetscape street_art")
add("fi", I, STREET, "Harjoittelija: johtoselvitykset ja yhteensovitus",
    "Harjoittelija selvittää kaapeleiden ja putkien sijaintia ja yhteensovittaa kunnallistekniikan suunnitelmia.",
    "johdot;kunnallistekniikka", "underground_utilities")
add("fi+sv", T, STREET, "Opinnäytetyö: tulvareitit rankkasateilla / Examensarbete: översvämningsvägar",
    "Mallinna rankkasateiden tulvareitit katualueilla ja ehdota rakenteellisia ratkaisuja. Arbetet kan skrivas på svenska.",
    "tulvat;rankkasateet;översvämning", "flooding stormwater climate_adaptation")
add("fi", T, STREET, "Diplomityö: kiertotalous katurakentamisessa",
    "Tutkitaan purkubetonin ja kierrätettyjen kiviainesten käyttöä katujen rakennekerroksissa.",
    "kiertotalous;purkubetoni", "circular_economy")
add("en", T, STREET, "Thesis: street design for e-scooters and cargo bikes",
    "Study how shared e-scooters and cargo bikes use the street space and propose design principles for lanes and parking.",
    "e-scooters;cargo bikes", "micromobility street_design")
add("fi", S, STREET, "Kesätyö: pyöräreittien viitoituksen inventointi",
    "Pyöräilet kesän aikana pyöräreitit läpi ja tarkistat opasteiden, viitoitusten ja reittinumeroiden kunnon.",
    "viitoitus;pyöräreitit", "cycling wayfinding")
add("fi", I, STREET, "Harjoittelija siltasuunnitteluun",
    "Harjoittelija avustaa siltasuunnittelijoita suunnitelmien tarkastuksessa ja kevyen liikenteen siltojen peruskorjausten suunnittelussa.",
    "sillat;suunnittelu", "bridges bridge_design")
add("fi", T, STREET, "Opinnäytetyö: puistokäytävien valaistussuunnittelu",
    "Laadi periaatteet puistokäytävien valaistukselle niin, että turvallisuuden tunne paranee ja luontoarvot huomioidaan.",
    "valaistus;puistot", "street_lighting lighting_design")

# --- Rakennuttaminen ------------------------------------------------------------------------
add("fi", I, BUILD, "Työmaavalvonnan harjoittelija",
    "Harjoittelija seuraa katu- ja puistotyömaita valvojan mukana: työmaakokouksia, laadunvalvontaa ja mittausten tarkastusta.",
    "valvonta;työmaat", "construction site_supervision")
add("fi", S, BUILD, "Kesätyöntekijä rakennuttamiseen: työmaiden dokumentointi",
    "Kuvaat ja dokumentoit työmaiden etenemistä, tarkistat liikennejärjestelyjä ja päivität projektipankkia.",
    "dokumentointi;työmaat", "construction site_supervision temporary_traffic_arrangements")
add("fi", T, BUILD, "Diplomityö: infrahankkeiden kustannusarviointi",
    "Kehitetään hankeosittainen kustannusarviointimalli toteutuneiden katu- ja puistohankkeiden kustannuksista.",
    "kustannukset;arviointi", "construction cost_estimation")
add("fi", T, BUILD, "Opinnäytetyö: allianssimalli katuhankkeissa",
    "Vertaile allianssimallilla ja perinteisellä urakalla toteutettuja katuhankkeita aikataulun, kustannusten ja yhteistyön näkökulmasta.",
    "allianssi;urakkamuodot", "construction project_delivery procurement")
add("fi+en", I, BUILD, "Harjoittelija rakennuttamiseen / Construction management intern",
    "Harjoittelija osallistuu katu- ja siltahankkeiden aikataulujen ja kustannusten seurantaan. English-speaking students are welcome.",
    "rakennuttaminen;projektit", "construction construction_management cost_control")
add("fi", T, BUILD, "Opinnäytetyö: työturvallisuus kaupungin infratyömailla",
    "Analysoi työmaiden turvallisuushavaintoja ja tapaturmailmoituksia ja ehdota, miten tilaaja voi parantaa työturvallisuutta.",
    "työturvallisuus;työmaat", "construction occupational_safety")
add("sv", I, BUILD, "Praktikant inom byggherreverksamhet",
    "Du följer upp gatu- och parkbyggen, deltar i byggmöten och lär dig hur staden beställer infrastruktur.",
    "byggherre;byggen", "construction construction_management site_supervision")
add("en", T, BUILD, "Thesis: emissions of construction machinery on city sites",
    "Measure and model the emissions of excavators and other non-road machinery on city infrastructure sites and evaluate low-emission requirements in contracts.",
    "emissions;machinery", "construction low_emission_machinery low_carbon procurement")
add("fi", S, BUILD, "Kesätyö: työmaiden liikennejärjestelyjen tarkastaja",
    "Tarkastat katutyömaiden tilapäisiä liikennejärjestelyjä ja kirjaat puutteet luvanhaltijoille korjattaviksi.",
    "liikennejärjestelyt;tarkastus", "construction temporary_traffic_arrangements")
add("fi", T, BUILD, "Opinnäytetyö: laatukriteerit infraurakoiden hankinnoissa",
    "Selvitä, millaisia laatukriteerejä infraurakoiden kilpailutuksessa käytetään ja miten ne vaikuttavat lopputulokseen.",
    "hankinnat;kilpailutus", "construction procurement")
add("fi", I, BUILD, "Rakennuttajainsinööriharjoittelija: vastaanotot ja takuutarkastukset",
    "Osallistut valmistuneiden katujen ja puistojen vastaanottotarkastuksiin ja takuuajan tarkastuksiin ja kirjaat havainnot.",
    "vastaanotto;takuu", "construction site_supervision warranty_inspection")
add("fi", T, BUILD, "Opinnäytetyö: asukasviestintä katutyömailla",
    "Kehitä työmaiden viestintää asukkaille: tiedotteet, opasteet ja digitaaliset kanavat.",
    "viestintä;työmaat", "construction communication")
add("fi+en", T, BUILD, "Diplomityö: tietomallipohjainen rakentaminen ja koneohjaus",
    "Tutkitaan, miten inframallit siirtyvät työmaan koneohjaukseen ja mitä hyötyjä tilaaja saa. The thesis can be written in English.",
    "tietomalli;koneohjaus", "construction infra_bim machine_control")
add("fi", S, BUILD, "Rakennustyömaan kesätyöntekijä",
    "Teet avustavia töitä kaupungin omalla rakennustyömaalla: kiveyksiä, istutuksia ja kalusteiden asennusta.",
    "työmaa;kiveys", "construction construction_work")
add("en", I, BUILD, "Project assistant intern, park construction projects",
    "Support the project managers of park construction projects with schedules, site meetings and documentation.",
    "park construction;projects", "construction construction_management parks")
add("fi", T, BUILD, "Opinnäytetyö: uusien infrakohteiden avajaiset ja yhteisöllisyys",
    "Miten uusien puistojen ja katujen avajaiset järjestetään yhdessä asukasyhdistysten ja seurojen kanssa? Työssä laaditaan malli avajaisten järjestämiseen.",
    "avajaiset;asukkaat", "construction events participation")
add("fi", I, BUILD, "Harjoittelija: rakennushankkeiden ympäristövaatimukset",
    "Harjoittelija kokoaa hankkeiden ympäristö- ja päästövaatimuksia ja seuraa niiden toteutumista työmailla.",
    "ympäristövaatimukset;päästöt", "construction environmental_requirements low_carbon")

# --- Datapalvelut ---------------------------------------------------------------------------
add("fi+en", I, DATA, "Data-analyytikkoharjoittelija / Data analyst intern",
    "Harjoittelija tekee Power BI -raportteja kunnossapidon, palautteiden ja hankkeiden tiedoista ja kehittää mittareita tavoitehallintaan. English-speaking students are welcome.",
    "data-analytiikka;Power BI", "data data_analysis dashboards")
add("fi", T, DATA, "Opinnäytetyö: tekoälyn tietoturvallinen käyttö kaupunkitekniikassa",
    "Selvitetään, miten generatiivista tekoälyä voidaan käyttää tietoturvallisesti esimerkiksi suunnitelmien haussa ja palautteiden luokittelussa.",
    "tekoäly;tietoturva", "data ai information_security")
add("fi+en", T, DATA, "Opinnäytetyö: asukaspalautteen luokittelu kielimalleilla / Thesis: classifying resident feedback",
    "Asukkaat lähettävät vuosittain kymmeniätuhansia palautteita. Build and evaluate a model that routes each piece of feedback to the right team. Työn voi tehdä englanniksi.",
    "tekoäly;palaute;kielimallit", "data ai feedback_classification machine_learning")
add("fi", I, DATA, "Ohjelmistokehittäjäharjoittelija",
    "Harjoittelija kehittää pieniä verkkosovelluksia ja rajapintoja Pythonilla ja TypeScriptillä tiimin mukana.",
    "ohjelmointi;Python", "data software_development")
add("en", I, DATA, "Software developer intern, open data APIs",
    "Build and document the city's open data APIs for street and park data with the data services team.",
    "software;APIs;open data", "data software_development open_data")
add("fi", T, DATA, "Opinnäytetyö: avoimen datan hyödyntäminen yrityksissä",
    "Selvitä, miten yritykset käyttävät kaupungin avoimia katu- ja liikenneaineistoja ja mitä aineistoja ne toivovat lisää.",
    "avoin data;yritykset", "data open_data")
add("fi", S, DATA, "Kesätyö: datan laadun tarkistus ja rekisterien siivous",
    "Kesätyössä käyt läpi rekistereitä, korjaat puuttuvia ja virheellisiä tietoja ja dokumentoit havainnot.",
    "tiedon laatu;rekisterit", "data data_quality")
add("fi", T, DATA, "Diplomityö: IoT-anturit kunnossapidon ohjauksessa",
    "Tutkitaan, miten roska-astioiden täyttöasteanturit ja tiesääasemat voisivat ohjata kunnossapitotöitä.",
    "IoT;anturit", "data iot_sensors")
add("fi+en", I, DATA, "Harjoittelija: suunnitelmien löydettävyys ja tiedonhallinta",
    "Suunnitelmien löytäminen on hankalaa. Harjoittelija kartoittaa arkistojen ja järjestelmien metatietoja ja ehdottaa yhtenäistä tiedonhallintamallia. English-speaking applicants are welcome.",
    "tiedonhallinta;metatiedot", "data information_management")
add("sv", T, DATA, "Examensarbete: öppna data och digitala tjänster för invånare",
    "Undersök hur invånarna använder stadens digitala karttjänster och öppna data och föreslå förbättringar.",
    "öppna data;digitala tjänster", "data open_data digital_services")
add("en", T, DATA, "Thesis: a digital twin of the street network",
    "Combine the city information model, asset registers and sensor data into a prototype digital twin of the street network.",
    "digital twin;city model", "data digital_twin city_model_3d")
add("fi", I, DATA, "UX-harjoittelija: sähköiset asiointipalvelut",
    "Harjoittelija tekee käytettävyystestejä ja parannusehdotuksia kaupunkitekniikan sähköisiin asiointipalveluihin.",
    "käytettävyys;asiointi", "data ux digital_services")
add("fi", T, DATA, "Opinnäytetyö: tiedolla johtamisen mittarit kaupunkitekniikassa",
    "Laadi ehdotus mittaristoksi, jolla keskuksen tavoitteiden toteutumista seurataan, ja rakenna esimerkkiraportti.",
    "tiedolla johtaminen;mittarit", "data indicators dashboards")
add("fi", S, DATA, "Kesätyöntekijä: valokuvien ja asiakirjojen digitointi",
    "Skannaat vanhoja valokuvia ja asiakirjoja ja lisäät niihin hakutiedot.",
    "digitointi;skannaus", "data digitization archive")
add("en", S, DATA, "Summer trainee, data and analytics",
    "Clean, combine and visualise maintenance and feedback data for the city's reports during the summer.",
    "data;analytics;summer", "data data_analysis")
add("fi", I, DATA, "Tietokantaharjoittelija: omaisuustietojärjestelmä",
    "Harjoittelija kehittää omaisuustietojärjestelmän tietokantaa ja tekee SQL-kyselyitä raportointiin.",
    "tietokannat;SQL", "data asset_register database")
add("fi+en", T, DATA, "Opinnäytetyö: koneoppiminen talvikunnossapidon ennustamisessa",
    "Ennusta sääennusteiden ja aiempien talvien tietojen avulla, milloin aurauksia ja liukkaudentorjuntaa tarvitaan. English is fine.",
    "koneoppiminen;ennustaminen", "data machine_learning winter_maintenance")

# --- Hallinto ja asiakaspalvelu -------------------------------------------------------------
add("fi", S, ADMIN, "Asiakaspalvelun kesätyöntekijä",
    "Vastaat kesän ajan asukkaiden puhelinsoittoihin ja sähköposteihin, ohjaat palautteita oikeille asiantuntijoille ja neuvot katualueen luvissa.",
    "asiakaspalvelu;puhelin", "customer_service")
add("fi", I, ADMIN, "Viestintäharjoittelija",
    "Harjoittelija kirjoittaa tiedotteita ja somepäivityksiä kaupunkitekniikan hankkeista sekä kuvaa ja editoi videoita.",
    "viestintä;some;video", "communication social_media")
add("fi+sv", S, ADMIN, "Kesätyö asiakaspalvelussa suomeksi ja ruotsiksi",
    "Palvelet asukkaita suomeksi ja ruotsiksi puhelimessa ja chatissa. Du betjänar invånare på finska och svenska i telefon och chatt.",
    "asiakaspalvelu;kundtjänst", "customer_service")
add("fi", I, ADMIN, "Harjoittelija katulupien käsittelyyn",
    "Käsittelet kaivulupia, katualueen vuokrauksia ja tapahtumien sijoituslupia luvankäsittelijöiden apuna.",
    "luvat;kaivuluvat", "permits")
add("fi", T, ADMIN, "Opinnäytetyö: asukaspalautteen käsittelyprosessin kehittäminen",
    "Kuvaa, miten palaute kulkee asukkaalta asiantuntijalle ja takaisin, ja ehdota, miten vastausaikoja voidaan lyhentää.",
    "palaute;prosessit", "feedback_process customer_service")
add("en", I, ADMIN, "Intern in communications and resident engagement",
    "Plan resident events, write news in plain language and help run online surveys about street and park projects.",
    "communications;engagement", "communication participation")
add("sv", S, ADMIN, "Sommarjobb i kundtjänsten",
    "Du svarar på invånarnas frågor om gator, parker och tillstånd i telefon och per e-post.",
    "kundtjänst;sommarjobb", "customer_service")
add("fi", S, ADMIN, "Arkistoinnin kesätyöntekijä",
    "Järjestät ja seulot kaupunkitekniikan keskuksen paperiarkistoa ja luetteloit aineistot arkistonmuodostussuunnitelman mukaisesti.",
    "arkisto;asiakirjat", "archive")
add("fi", I, ADMIN, "HR-harjoittelija: kesätyöntekijöiden ja harjoittelijoiden rekrytointi",
    "Harjoittelija osallistuu rekrytointien suunnitteluun, haastatteluihin ja perehdytyksen kehittämiseen.",
    "HR;rekrytointi", "hr recruitment")
add("fi", T, ADMIN, "Opinnäytetyö: lasten ja nuorten osallistaminen kaupunkitekniikan suunnittelussa",
    "Kehitä ja kokeile menetelmiä, joilla lapset ja nuoret voivat vaikuttaa puistojen ja katujen suunnitteluun yhdessä koulujen ja nuorisovaltuuston kanssa.",
    "osallisuus;nuoret", "participation youth")
add("fi", I, ADMIN, "Talousharjoittelija: hankkeiden kustannusseuranta",
    "Harjoittelija seuraa hankkeiden budjetteja, tekee raportteja ja avustaa talousarvion valmistelussa.",
    "talous;budjetti", "finance cost_control")
add("fi", T, ADMIN, "Opinnäytetyö: hankinta-asiakirjojen selkeys",
    "Arvioi kaupunkitekniikan hankinta-asiakirjojen ymmärrettävyyttä tarjoajien näkökulmasta ja laadi selkeämmät mallipohjat.",
    "hankinnat;asiakirjat", "procurement")
add("fi+en", S, ADMIN, "Kesätyö: tapahtumat ja asukastilaisuudet",
    "Järjestät kesän aikana asukastilaisuuksia ja talkoita ja olet mukana uusien puistojen avajaisissa. Applicants who speak English are welcome.",
    "tapahtumat;asukkaat", "events participation")
add("sv", I, ADMIN, "Praktikant inom kommunikation",
    "Du skriver nyheter och inlägg på svenska om stadens gatu- och parkprojekt och hjälper till vid invånarmöten.",
    "kommunikation;svenska", "communication")
add("fi", T, ADMIN, "Opinnäytetyö: kaupunkitekniikan työnantajakuva nuorten silmin",
    "Tutki, millaisena nuoret näkevät kaupunkitekniikan työnantajana ja miten kesätyö ja harjoittelu vaikuttavat mielikuvaan.",
    "työnantajakuva;nuoret", "employer_brand hr youth")
add("fi", I, ADMIN, "Harjoittelija asiakirjahallintaan",
    "Harjoittelija kehittää sähköistä arkistointia ja asiakirjojen metatietoja yhdessä kirjaamon kanssa.",
    "asiakirjahallinta;arkistointi", "archive information_management")

# --- Ympäristö ja hulevedet -----------------------------------------------------------------
add("fi", T, ENV, "Opinnäytetyö: hulevesien laatu ja haitta-aineet",
    "Otetaan näytteitä hulevesien purkupaikoista ja analysoidaan metallien, ravinteiden ja mikromuovien pitoisuuksia.",
    "hulevedet;vedenlaatu", "environment stormwater water_quality")
add("fi", S, ENV, "Kesätyö: hulevesinäytteiden ottaja",
    "Otat kesän aikana näytteitä hulevesikaivoista ja -purkuputkista sateiden jälkeen ja kirjaat mittaustulokset.",
    "näytteet;hulevedet", "environment stormwater water_quality")
add("fi", I, ENV, "Harjoittelija hulevesiohjelmaan",
    "Harjoittelija päivittää hulevesiohjelman toimenpiteiden seurantaa ja kokoaa tietoa valuma-alueista.",
    "hulevesiohjelma;valuma-alueet", "environment stormwater")
add("fi", T, ENV, "Opinnäytetyö: liikennemelu ja meluesteiden vaikutukset",
    "Arvioi meluesteiden vaikutusta asuinalueiden melutasoihin mittausten ja mallinnuksen avulla.",
    "melu;meluesteet", "environment noise")
add("fi", S, ENV, "Melumittaaja, kesätyö",
    "Teet kesän aikana melumittauksia työmailla ja vilkkaiden katujen varsilla.",
    "melu;mittaukset", "environment noise")
add("en", T, ENV, "Thesis: air quality near busy streets",
    "Study the levels of particulate matter and nitrogen dioxide near busy streets and the role of street dust in spring.",
    "air quality;particles", "environment air_quality street_dust")
add("fi+en", I, ENV, "Ympäristöharjoittelija / Environmental intern",
    "Harjoittelija kartoittaa purojen ja ojien kuntoa ja vedenlaatua. English-speaking students are welcome to apply.",
    "purot;vedenlaatu", "environment streams water_quality")
add("sv", T, ENV, "Examensarbete: dagvattenhantering i nya bostadsområden",
    "Jämför lösningar för dagvattenhantering i nya bostadsområden och hur de fungerar under kraftiga regn.",
    "dagvatten;bostadsområden", "environment stormwater")
add("fi", T, ENV, "Opinnäytetyö: ilmastonmuutokseen sopeutuminen ja kaupunkitulvat",
    "Selvitä, miten Espoo voi varautua kaupunkitulviin ja helleaaltoihin ja millaisia toimia muut kaupungit ovat tehneet.",
    "ilmastonmuutos;tulvat", "environment climate_adaptation flooding")
add("fi", S, ENV, "Kesätyö: purojen kunnostus ja taimenpurot",
    "Kunnostat purojen kutusoraikkoja ja poistat roskia ja risuja yhdessä paikallisten yhdistysten kanssa.",
    "purot;taimen", "environment streams")
add("fi", T, ENV, "Pro gradu: luontoarvojen huomioiminen katurakentamisessa",
    "Tutki, miten rakentamisen aikana voidaan säästää puustoa ja arvokkaita luontokohteita ja miten onnistumista seurataan.",
    "luontoarvot;rakentaminen", "environment nature_values biodiversity")
add("en", S, ENV, "Summer job: invasive plant species removal",
    "Remove invasive plants such as Himalayan balsam and lupins from meadows and stream banks in a small team.",
    "invasive species;summer", "environment invasive_species")
add("fi", I, ENV, "Harjoittelija: kaupunkitekniikan hiilineutraaliustavoitteet",
    "Harjoittelija laskee keskuksen toimintojen päästöjä ja seuraa hiilineutraaliustavoitteiden toteutumista.",
    "hiilineutraalius;päästöt", "environment carbon_footprint")
add("sv", I, ENV, "Praktik: miljöövervakning av bäckar och dagvatten",
    "Du tar vattenprover i bäckar och dagvattenutlopp och sammanställer resultaten.",
    "bäckar;vattenprover", "environment streams stormwater water_quality")
add("fi", T, ENV, "Opinnäytetyö: katupöly ja keväinen hiekoitushiekka",
    "Selvitä, miten katujen pölynsidonta ja hiekoitushiekan poiston ajoitus vaikuttavat kevään katupölyyn.",
    "katupöly;ilmanlaatu", "environment street_dust air_quality street_cleaning")
add("fi+sv", S, ENV, "Kesätyö: rantojen roskakartoitus / Sommarjobb: skräpkartläggning på stränder",
    "Kartoitat ja keräät roskia rannoilta ja vesistöjen varsilta. Du kartlägger och samlar skräp på stränder.",
    "roskat;rannat;skräp", "environment littering beaches")
add("en", I, ENV, "Intern: noise mapping with GIS",
    "Update the city's noise maps with new traffic data and GIS tools.",
    "noise;GIS", "environment noise gis")
add("fi", T, ENV, "Opinnäytetyö: pölyttäjäystävälliset viheralueet",
    "Tutki, miten pölyttäjien elinympäristöjä voidaan lisätä puistoissa ja katualueilla ja miten niitä hoidetaan.",
    "pölyttäjät;niityt", "environment pollinators biodiversity meadows")

# --- Monikieliset lisäilmoitukset -----------------------------------------------------------
add("fi+sv+en", S, GREEN, "Kesätyöntekijä leikkipuistoihin / Sommarjobb i lekparker / Summer job in playgrounds",
    "Leikkipuistojen kesätyöntekijänä huolehdit puistojen siisteydestä ja leikkivälineiden päivittäisestä tarkastuksesta. Vi tar emot ansökningar på svenska. Applications in English are welcome.",
    "leikkipuistot;lekparker;playgrounds", "playgrounds park_maintenance")
add("fi+sv", I, TRAFFIC, "Harjoittelija liikenneturvallisuuteen / Praktikant inom trafiksäkerhet",
    "Harjoittelija kartoittaa koulujen lähistön vaaranpaikkoja ja valmistelee turvallisuustoimia. Praktikanten kartlägger farliga platser nära skolorna.",
    "liikenneturvallisuus;trafiksäkerhet", "traffic_planning traffic_safety school_routes")
add("fi+sv+en", T, MAINT, "Opinnäytetyö: talvipyöräily ja liukkaudentorjunta / Examensarbete: vintercykling / Thesis: winter cycling",
    "Tutki, miten harjasuolaus ja muu liukkaudentorjunta vaikuttavat talvipyöräilyyn. Arbetet kan skrivas på svenska. The thesis can be written in English.",
    "talvipyöräily;vintercykling;winter cycling", "maintenance winter_maintenance cycling")
add("fi+sv", T, GREEN, "Opinnäytetyö: katupuiden kasvualustat / Examensarbete: växtbäddar för gatuträd",
    "Vertaile katupuiden kasvualustaratkaisuja ja niiden vaikutusta puiden kasvuun. Arbetet kan skrivas på svenska.",
    "katupuut;kasvualustat;gatuträd", "trees planting")
add("fi+sv", I, SURVEY, "Harjoittelija kartoitukseen / Praktikant inom kartläggning",
    "Harjoittelija päivittää opaskarttaa ja teemakarttoja. Praktikanten uppdaterar guidekartan och temakartor.",
    "kartat;kartor", "surveying gis mapping")
add("fi+sv+en", S, MAINT, "Kesätyöntekijä katujen kunnossapitoon / Sommarjobbare inom gatuunderhåll / Summer street maintenance worker",
    "Siistit katuja ja korjaat pieniä vaurioita. Du städar gator och reparerar små skador. You keep streets clean and fix minor damage.",
    "kunnossapito;gatuunderhåll;maintenance", "maintenance street_maintenance street_cleaning")
add("sv", S, TRAFFIC, "Sommarjobb: trafikräknare",
    "Du räknar fotgängare, cyklister och bilar i korsningar och matar in resultaten.",
    "trafikräkning;sommarjobb", "traffic_planning traffic_counts")
add("sv", I, GEO, "Praktik inom geoteknik",
    "Du sammanställer borrningsresultat och följer arbeten på lösa lerjordar.",
    "geoteknik;lera", "geotechnics ground_investigation soft_soil")
add("sv", T, MAINT, "Examensarbete: snöröjning och halkbekämpning på gång- och cykelvägar",
    "Utvärdera kvaliteten på snöröjningen och halkbekämpningen på gång- och cykelvägar.",
    "snöröjning;halkbekämpning", "maintenance winter_maintenance")
add("sv", S, GREEN, "Sommarjobb: inventering av gatuträd",
    "Du inventerar gatuträd med surfplatta och registrerar art, storlek och skick.",
    "gatuträd;inventering", "trees tree_inventory")
add("sv", I, STREET, "Praktikant inom gatuplanering",
    "Du ritar gatuplaner och deltar i planeringsmöten med konsulter.",
    "gatuplanering;AutoCAD", "street_design")
add("en", S, SURVEY, "Summer job: field assistant in surveying",
    "Assist the survey crews with GNSS and total station measurements in the field.",
    "surveying;field work", "surveying field_surveying")
add("en", I, ENV, "Intern, stormwater management",
    "Help update the stormwater programme and map drainage areas with GIS.",
    "stormwater;drainage", "environment stormwater")
add("en", S, GREEN, "Summer worker, park maintenance",
    "Mow lawns, weed flower beds and keep parks tidy as part of a park crew.",
    "parks;maintenance", "parks park_maintenance")
add("en", T, MAINT, "Master's thesis: bridge condition assessment using drones",
    "Evaluate whether drone images can support the general inspections of small bridges.",
    "bridges;drones;inspection", "maintenance bridges bridge_inspection drones")
add("en", I, MAINT, "Traineeship in maintenance planning",
    "Plan the next winter's maintenance routes and priorities with the maintenance engineers.",
    "maintenance;planning;winter", "maintenance winter_maintenance")

ANY = " ".join(sorted(set().union(*(o[-1] for o in OPENINGS))))

# --- Queries ------------------------------------------------------------------------------
GROUPS: dict[str, list[tuple[str, str, list[str] | None, str]]] = {
    "compounds": [
        ("fi", "viheraluehoito", [S], "park_maintenance"),
        ("fi", "leikki puisto", None, "playgrounds"),
        ("fi", "katu puut", None, "trees"),
        ("fi", "talvi kunnossapito", None, "winter_maintenance"),
        ("fi", "hule vesi", None, "stormwater"),
        ("fi", "liikenne turvallisuus", None, "traffic_safety"),
        ("fi", "pohjavesi seuranta", None, "groundwater"),
        ("fi", "katuvalo", None, "street_lighting"),
        ("fi", "siltatarkastus", None, "bridge_inspection"),
        ("fi", "maamassa hyötykäyttö", None, "soil_masses"),
        ("fi", "painuma mittaus", None, "settlement"),
        ("fi", "kantakartta päivitys", None, "base_map"),
        ("fi", "3d kaupunkimalli", None, "city_model_3d"),
        ("fi", "paikka tieto harjoittelu", [I], "gis mapping"),
        ("fi", "työmaaliikennejärjestelyt", None, "temporary_traffic_arrangements"),
        ("fi", "pyörä pysäköinti", None, "bike_parking"),
        ("fi", "koulumatka turvallisuus", None, "school_routes"),
        ("fi", "kunnossapito luokitus", None, "maintenance_classification"),
    ],
    "derivations": [
        ("fi", "kuoppien paikkausta", None, "pavement_repair"),
        ("fi", "leikkivälineiden tarkastaminen", None, "play_equipment_safety playgrounds"),
        ("fi", "mittaajana kesällä", [S], "field_surveying"),
        ("fi", "niittäminen", None, "meadows"),
        ("fi", "liikennelaskennat", None, "traffic_counts"),
        ("fi", "puiden istuttaminen", None, "planting"),
        ("fi", "harjoittelijaksi geotekniikkaan", [I], "geotechnics"),
        ("fi", "opinnäytetyönä hulevesistä", [T], "stormwater"),
        ("fi", "kaivulupien käsittely", None, "permits"),
        ("fi", "melumittaukset", None, "noise"),
        ("fi", "katujen suunnittelu", None, "street_design"),
        ("fi", "siltojen suunnittelu", None, "bridges"),
        ("fi", "pyöräilijöiden turvallisuus", None, "cycling"),
        ("fi", "talkoiden järjestäminen", None, "volunteering"),
        ("fi", "kairaukset", None, "ground_investigation"),
        ("fi", "roskien keruu", None, "littering"),
        ("fi", "asukkaiden osallistaminen", None, "participation"),
        ("fi", "tulvien mallintaminen", None, "flooding"),
        ("fi", "lumenkaatopaikoista", None, "snow_disposal"),
    ],
    "colloquial": [
        ("fi", "kesäduuni puistossa", [S], "parks park_maintenance"),
        ("fi", "kesäjobi mittaus", [S], "field_surveying"),
        ("fi", "oppari hulevedet", [T], "stormwater"),
        ("fi", "gradu puut", [T], "trees"),
        ("fi", "dippa geotekniikka", [T], "geotechnics"),
        ("fi", "diplari liikenne", [T], "traffic_planning"),
        ("fi", "työharkka kunnossapito", [I], "maintenance"),
        ("fi", "harkka gis", [I], "gis"),
        ("fi", "kesäkeikka asiakaspalvelu", [S], "customer_service"),
        ("fi", "lopputyö melu", [T], "noise"),
        ("fi", "oppari liikenneturvallisuus", [T], "traffic_safety school_routes"),
        ("fi", "gradu luonnon monimuotoisuus", [T], "biodiversity"),
        ("fi", "kesäduunari rakennustyömaa", [S], "construction_work site_supervision"),
        ("fi", "työharkka rakennuttaja", [I], "construction_management site_supervision"),
        ("sv", "exjobb dagvatten", [T], "stormwater"),
        ("sv", "sommarknäck i parken", [S], "parks park_maintenance"),
        ("en", "msc thesis traffic", [T], "traffic_planning"),
        ("en", "msc thesis geotech", [T], "geotechnics"),
        ("en", "summer gig parks", [S], "parks park_maintenance"),
    ],
    "synonyms": [
        ("fi", "lumityöt", None, "winter_maintenance"),
        ("fi", "ruohonleikkuu", [S], "park_maintenance"),
        ("fi", "sähköskuutit", None, "micromobility"),
        ("fi", "valopylväät", None, "street_lighting"),
        ("fi", "sadevesi", None, "stormwater"),
        ("fi", "maaperätutkimus", None, "ground_investigation"),
        ("fi", "lennokkikuvaus", None, "drones"),
        ("fi", "puhelinpalvelu", None, "customer_service"),
        ("fi", "tiedottaminen", None, "communication"),
        ("fi", "datatiede", None, "data_analysis machine_learning ai"),
        ("fi", "asfalttikuopat", None, "pavement_repair pavement_condition"),
        ("fi", "urheilupaikat", None, "sports_places"),
        ("sv", "snöplogning", None, "winter_maintenance"),
        ("sv", "regnvatten", None, "stormwater"),
        ("sv", "markundersökning", None, "ground_investigation"),
        ("en", "snow clearing", None, "winter_maintenance"),
        ("en", "rainwater drainage", None, "stormwater"),
        ("en", "pavement cracks", None, "pavement_condition pavement_repair"),
    ],
    "swedish": [
        ("sv", "skötsel av parker", None, "parks park_maintenance"),
        ("sv", "gatuträden", None, "trees"),
        ("sv", "dagvattnet", None, "stormwater"),
        ("sv", "lekparkerna", None, "playgrounds"),
        ("sv", "trafiksäkerheten", None, "traffic_safety"),
        ("sv", "skolvägarna", None, "school_routes"),
        ("sv", "cykelvägarnas vinterunderhåll", None, "winter_maintenance"),
        ("sv", "grundvattnet", None, "groundwater"),
        ("sv", "mätningar", None, "field_surveying"),
        ("sv", "kartorna", None, "mapping gis base_map"),
        ("sv", "ängarna", None, "meadows"),
        ("sv", "kundtjänst sommar", [S], "customer_service"),
        ("sv", "byggarbetsplatser", None, "site_supervision construction_management"),
        ("sv", "trafikräkningar", None, "traffic_counts"),
        ("sv", "öppen data", None, "open_data"),
        ("sv", "gatuplaneringen", None, "street_design"),
        ("sv", "biologiska mångfalden", None, "biodiversity"),
        ("sv", "gatuunderhållet", None, "street_maintenance"),
    ],
    "english_roles": [
        ("en", "summer job", [S], ANY),
        ("en", "work placement gis", [I], "gis"),
        ("en", "traineeship traffic", [I], "traffic_planning"),
        ("en", "trainee maintenance", [I, S], "maintenance"),
        ("en", "master's thesis bridges", [T], "bridges"),
        ("en", "field worker summer", [S], "field_surveying park_maintenance street_maintenance invasive_species"),
        ("en", "stormwater internship", [I], "stormwater"),
        ("en", "bachelor's thesis cycling", [T], "cycling"),
        ("en", "data analyst intern", [I], "data_analysis"),
        ("en", "software developer trainee", [I], "software_development"),
        ("en", "master thesis machine learning", [T], "machine_learning ai"),
        ("en", "geotechnical intern", [I], "geotechnics"),
        ("en", "summer trainee data", [S], "data"),
        ("en", "environmental internship", [I], "environment"),
        ("en", "surveyor assistant", [S], "field_surveying"),
        ("en", "communications intern", [I], "communication"),
        ("en", "diploma thesis low carbon", [T], "low_carbon carbon_footprint"),
    ],
    "other_language": [
        ("en", "tree risk assessment internship", [I], "tree_risk trees"),
        ("en", "pothole detection thesis", [T], "pavement_condition"),
        ("en", "cycle highway thesis", [T], "cycling traffic_flow"),
        ("en", "3d city model", None, "city_model_3d"),
        ("en", "vibration measurements", None, "vibration"),
        ("en", "construction management internship", [I], "construction_management"),
        ("en", "power bi reporting", None, "dashboards data_analysis"),
        ("en", "resident feedback", None, "feedback_classification feedback_process customer_service"),
        ("en", "public transport planning", None, "public_transport"),
        ("sv", "bekämpning av invasiva arter", None, "invasive_species"),
        ("sv", "praktik gatubelysning", [I], "street_lighting"),
        ("sv", "sommarjobb mätning", [S], "field_surveying"),
        ("sv", "examensarbete översvämning", [T], "flooding"),
        ("sv", "växtbäddar för träd", None, "trees planting"),
        ("sv", "praktikant trafiksäkerhet", [I], "traffic_safety school_routes"),
        ("sv", "vintercykling", None, "winter_maintenance cycling"),
        ("sv", "skräp på stränder", None, "littering beaches"),
        ("sv", "praktik kartläggning", [I], "mapping gis"),
    ],
    "one_word": [
        ("fi", "melu", None, "noise"),
        ("fi", "leikkipuistot", None, "playgrounds"),
        ("fi", "pyöräily", None, "cycling"),
        ("fi", "pohjavesi", None, "groundwater"),
        ("fi", "sillat", None, "bridges"),
        ("fi", "paikkatieto", None, "gis mapping"),
        ("fi", "vieraslajit", None, "invasive_species"),
        ("fi", "pysäköinti", None, "parking bike_parking"),
        ("fi", "arkistointi", None, "archive"),
        ("fi", "tekoäly", None, "ai"),
        ("fi", "joukkoliikenne", None, "public_transport"),
        ("fi", "esteettömyys", None, "accessibility"),
        ("fi", "hankinnat", None, "procurement"),
        ("fi", "kiertotalous", None, "circular_economy soil_masses"),
        ("fi", "niityt", None, "meadows"),
        ("en", "noise", None, "noise"),
        ("en", "playgrounds", None, "playgrounds"),
        ("sv", "geoteknik", None, "geotechnics"),
    ],
    "kind_topic": [
        ("fi", "kesätyö leikkipuisto", [S], "playgrounds"),
        ("fi", "harjoittelu liikennesuunnittelu", [I], "traffic_planning"),
        ("fi", "opinnäytetyö sillat", [T], "bridges"),
        ("fi", "kesätyö geotekniikka", [S], "geotechnics"),
        ("fi", "harjoittelu kaupunkimittaus", [I], "surveying"),
        ("fi", "diplomityö inframalli", [T], "infra_bim"),
        ("fi", "kesätyö melu", [S], "noise"),
        ("fi", "opinnäytetyö talvikunnossapito", [T], "winter_maintenance"),
        ("fi", "harjoittelu viestintä", [I], "communication"),
        ("fi", "kesätyö arkisto", [S], "archive"),
        ("fi", "harjoittelu data", [I], "data"),
        ("fi", "opinnäytetyö pyöräily", [T], "cycling"),
        ("fi", "opinnäytetyö vähähiilinen", [T], "low_carbon carbon_footprint"),
        ("fi", "kesätyö liikenne", [S], "traffic_planning"),
        ("fi", "harjoittelu ympäristö", [I], "environment"),
        ("fi", "opinnäytetyö hankinnat", [T], "procurement"),
        ("fi", "kesätyö rakennuttaminen", [S], "construction"),
        ("fi", "harjoittelu puut", [I], "trees"),
    ],
}
QUERIES = [query for rows in GROUPS.values() for query in rows]

if __name__ == "__main__":
    _, judged = write_set(HERE, "un", OPENINGS, QUERIES)
    print(f"openings: {len(OPENINGS)}")
    print("kinds:", dict(Counter(o[1] for o in OPENINGS)))
    print("units:", dict(Counter(o[2] for o in OPENINGS)))
    print("queries:", len(QUERIES), dict(Counter(q[0] for q in QUERIES)))
    print("groups:", {name: len(rows) for name, rows in GROUPS.items()})
    print("topics:", dict(Counter(t for o in OPENINGS for t in o[-1]).most_common()))
