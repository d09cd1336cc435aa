# ruff: noqa: E501 - one opening or query a line reads best as data
"""Writes the held-out relevance set: openings.jsonl and queries.jsonl beside this file.

    python3 tests/relevance/heldout/build.py

Judging is by labels, not by looking at search results: every opening carries the topics a
student would file it under, every query the kind(s) and topic(s) the student means. An
opening is an acceptable answer when its kind and one of its topics fit, and it is open to
the query's language (its `languages` has it): a student who types English wants what they
can apply for in English. Written before the search was changed and kept apart from tuning
(docs/search-relevance.md, "Held-out set").
"""

from __future__ import annotations

import sys
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


# --- Finnish: parks and green areas
o("fi", S, GREEN, "Kesätyöntekijä puistonhoitoon", "Leikkaat nurmikoita, kastelet istutuksia ja siistit puistojen käytäviä Matinkylässä. Työ tehdään pareittain, ja saat perehdytyksen ruohonleikkureiden käyttöön.", "puistonhoito;kesätyö", "park lawn")
o("fi+en", S, GREEN, "Puistotyöntekijä, Espoonlahti", "Kesän ajan hoidat Espoonlahden puistoja: kitket perennapenkkejä, keräät roskia ja kunnostat penkkejä. Työkieli on suomi, mutta englanniksikin pärjää.", "puisto;viheralue", "park")
o("fi", S, GREEN, "Viheralueiden kesätyöntekijä", "Osallistut viheralueiden hoitoon ja istutuksiin Leppävaarassa. Työssä käytetään trimmereitä ja ruohonleikkureita.", "viheralueet;nurmikko", "park lawn")
o("fi", S, GREEN, "Leikkipaikkojen kesätarkastaja", "Tarkastat leikkipaikkojen välineitä ja turva-alustoja viikoittain ja kirjaat havaitut puutteet mobiilisovellukseen.", "leikkipaikat;tarkastus", "playground")
o("fi", I, GREEN, "Viherrakentamisen harjoittelija", "Pääset seuraamaan puistojen rakennushankkeita ja viherrakentamisen työmaita, teet laatutarkastuksia ja kirjaat istutusten kasvuunlähtöä.", "viherrakentaminen;harjoittelu", "green construction")
o("fi", I, GREEN, "Puistosuunnittelun harjoittelija", "Avustat maisema-arkkitehteja puistojen ja aukioiden suunnittelussa, teet luonnoksia ja havainnekuvia sekä osallistut asukastilaisuuksiin.", "maisemasuunnittelu;puistot", "park parkdesign")
o("fi", T, GREEN, "Opinnäytetyö: hulevesien viivytys puistoissa", "Selvität, miten puistoihin rakennetut viivytysalueet ja sadepuutarhat toimivat rankkasateilla. Sopii ympäristö- tai rakennustekniikan opiskelijalle.", "hulevesi;puisto;opinnäytetyö", "storm park")
o("fi", T, GREEN, "Diplomityö kaupunkipuiden elinvoimaisuudesta", "Tutkit katupuiden kasvuolosuhteita ja kehität mittarin puiden elinvoimaisuuden seurantaan. Aineistona puurekisteri ja maastohavainnot.", "katupuut;puurekisteri", "tree")
o("fi", S, GREEN, "Vieraslajitalkoiden vetäjä", "Johdat kesän vieraslajitalkoita: torjutaan jättipalsamia ja lupiinia yhdessä vapaaehtoisten kanssa. Sopii biologian tai ympäristöalan opiskelijalle.", "vieraslajit;jättipalsami;lupiini", "invasive")
o("fi", I, GREEN, "Arboristiharjoittelija", "Teet puunhoitotöitä kokeneen arboristin työparina: kuntotarkastuksia, leikkauksia ja kaatoja. Nostotyöstä tarvitaan kokemusta.", "arboristi;puunhoito", "tree")
o("fi", S, GREEN, "Kesätyö: puiden kastelu ja taimien hoito", "Kastelet uusia katupuita ja nuoria taimia vesiautolla ja tarkastat puiden tukia. B-ajokortti vaaditaan.", "puut;kastelu", "tree")
o("fi", T, GREEN, "Kandidaatintyö niittyjen monimuotoisuudesta", "Vertailet niitettyjen ja hoitamattomien niittyjen lajistoa Espoon viheralueilla ja teet suosituksia niittojen ajoitukseen.", "niitty;luonnon monimuotoisuus", "biodiversity")
o("fi", S, GREEN, "Uimarantojen kesätyöntekijä", "Huolehdit uimarantojen siisteydestä, tyhjennät roska-astioita ja tarkistat pelastusvälineet. Työ on itsenäistä ja vaihtelevaa.", "uimaranta;siivous", "beach")
o("fi", S, GREEN, "Ulkoilureittien kunnostaja", "Korjaat pitkospuita ja opasteita ulkoilureiteillä ja luontopoluilla Nuuksion reunamilla.", "ulkoilureitit;luontopolut", "trail")
o("fi", I, GREEN, "Viheralueiden ylläpidon harjoittelija", "Harjoittelussa opit viheralueiden hoitoluokituksen, teet hoitotason arviointeja ja osallistut urakoiden valvontaan.", "ylläpito;viheralueet", "park maintenance")
o("fi", T, GREEN, "Opinnäytetyö hoitoluokituksen kehittämisestä", "Kehität viheralueiden hoitoluokituksen käyttöä ylläpidon urakoissa. Sopii AMK:n ympäristösuunnittelun opiskelijalle.", "hoitoluokitus;viheralueet", "park maintenance")
o("fi", S, GREEN, "Hautausmaan ja puistojen kesätyö", "Kesätyössä hoidat puistoja ja pieniä viheralueita: haravointia, leikkuuta ja istutusta.", "kesätyö;puisto", "park lawn")
o("fi", I, GREEN, "Kaupunkimetsien harjoittelija", "Kartoitat kaupunkimetsien polkujen kulumista ja luontokohteita sekä osallistut metsäsuunnitelman päivittämiseen.", "kaupunkimetsät;metsäsuunnitelma", "forest")
o("fi", T, GREEN, "Pro gradu: kaupunkimetsien virkistyskäyttö", "Tutkit kyselyn ja liikkumisdatan avulla, miten asukkaat käyttävät kaupunkimetsiä ja mitä he niiltä odottavat.", "kaupunkimetsä;virkistys", "forest")
o("fi", S, GREEN, "Kukkaistutusten kesätyöntekijä", "Istutat kesäkukat keskuksiin ja hoidat ruukkuistutuksia koko kesän. Tarkkuus ja hyvä fysiikka ovat eduksi.", "kukat;istutukset", "park")
# --- Finnish: maintenance
o("fi", I, MAINT, "Kunnossapidon harjoittelija", "Harjoittelussa tutustut katujen kunnossapitoon: urakoiden valvontaan, katukatselmuksiin ja palautteiden käsittelyyn.", "kunnossapito;harjoittelu;katu", "streetmaint")
o("fi", I, MAINT, "Kunnossapitoharjoittelija, talvikausi", "Harjoittelija pääsee seuraamaan talvikunnossapitoa: aurausta, liukkaudentorjuntaa ja lumenkuljetusta. Teet laatukierroksia urakoitsijan kanssa.", "talvikunnossapito;harjoittelu", "streetmaint winter")
o("fi", I, MAINT, "Harjoittelija, katujen ylläpito", "Teet ylläpidon laatutarkastuksia, kirjaat katujen vaurioita ja osallistut työmaakokouksiin.", "ylläpito;katu", "streetmaint")
o("fi", S, MAINT, "Kesätyö katujen kunnossapidossa", "Paikkaat kuoppia, korjaat reunakiviä ja siivoat katualueita kunnossapidon ryhmässä. Ajokortti on eduksi.", "kunnossapito;kesätyö", "streetmaint paving")
o("fi", S, MAINT, "Kadunhoidon kesätyöntekijä", "Harjaat hiekoitussepeliä pois kevyen liikenteen väyliltä ja hoidat katualueiden siisteyttä.", "kadunhoito;katujen puhdistus", "streetmaint sweeping")
o("fi", S, MAINT, "Kesätyö: keväthiekan poisto", "Keväällä ja alkukesästä poistetaan talven sorastussepeli kaduilta. Ajat lakaisukonetta tai toimit apumiehenä.", "sorastus;lakaisu", "sweeping gritting")
o("fi", T, MAINT, "Opinnäytetyö: sorastuksen vaikutus katupölyyn", "Tutkit, miten liukkaudentorjunnan sorastus ja sepelin laatu vaikuttavat katupölyyn keväällä.", "sorastus;katupöly;liukkaudentorjunta", "gritting airquality")
o("fi", T, MAINT, "Diplomityö lumenpoiston optimoinnista", "Mallinnat lumenpoiston reittejä ja kalustoa ja arvioit, paljonko aurauskierroksia voidaan lyhentää.", "lumenpoisto;auraus;optimointi", "snow winter")
o("fi", I, MAINT, "Talvihoidon harjoittelija", "Seuraat talvihoidon urakoita, teet liukkaustarkastuksia ja opit talvihoidon laatuvaatimukset.", "talvihoito;liukkaus", "winter")
o("fi", S, MAINT, "Lumitöiden tekijä tammi–maaliskuuksi", "Lapioit lunta bussipysäkeiltä ja suojateiltä ja autat lumenpoistossa. Talvikauden työ, ei siis kesätyö.", "lumityöt;lumenpoisto", "snow")
o("fi", S, MAINT, "Päällystystöiden kesätyöntekijä", "Osallistut asfalttipaikkauksiin ja päällystystöiden liikennejärjestelyihin.", "asfaltti;päällystys", "paving")
o("fi", T, MAINT, "Opinnäytetyö päällysteiden kuntoluokituksesta", "Vertailet päällysteiden kuntomittauksia ja kehität kuntoluokitusta korjausten ohjelmointiin.", "päällyste;kuntoluokitus", "paving condition")
o("fi", I, MAINT, "Katuvalaistuksen harjoittelija", "Teet katuvalojen kuntotarkastuksia ja päivität valaisinrekisteriä. Sähköalan opiskelijalle.", "katuvalaistus;valaisimet", "lighting")
o("fi", T, MAINT, "Diplomityö LED-katuvalaistuksen ohjauksesta", "Selvität älykkään valaistuksen ohjauksen säästöt ja vaikutukset turvallisuuteen.", "katuvalaistus;energia", "lighting energy")
o("fi", S, MAINT, "Liikennemerkkien kesätyöntekijä", "Asennat ja oikaiset liikennemerkkejä ja pesen opasteita kunnossapidon työryhmässä.", "liikennemerkit;opasteet", "signs streetmaint")
o("fi", I, MAINT, "Siltojen kuntotarkastuksen harjoittelija", "Osallistut siltojen yleistarkastuksiin ja kirjaat vauriot siltarekisteriin.", "sillat;kuntotarkastus", "bridge condition")
o("fi", T, MAINT, "Opinnäytetyö siltojen korjausvelasta", "Arvioit siltojen korjausvelan ja laadit ehdotuksen korjausten priorisoinnista.", "sillat;korjausvelka", "bridge")
o("fi", S, MAINT, "Katujen puhtaanapidon kesätyöntekijä", "Tyhjennät roska-astioita, poistat töhryjä ja siivoat katualueita kesän tapahtumien jälkeen.", "puhtaanapito;roskat", "sweeping")
o("fi+sv", S, MAINT, "Kesätyö varikolla", "Huollat kunnossapidon kalustoa ja autat varikon varastossa. Työkielet suomi ja ruotsi.", "varikko;kalusto", "depot streetmaint")
o("fi", I, MAINT, "Kunnossapitoinsinöörin harjoittelijaksi", "Haemme harjoittelijaa kunnossapitoinsinöörin tueksi: urakka-asiakirjat, kustannusseuranta ja laadunvalvonta.", "kunnossapito;urakat", "streetmaint")
# --- Finnish: traffic
o("fi", T, TRAFFIC, "Opinnäytetyö liikenneturvallisuudesta koulujen ympäristössä", "Tutkit koulujen lähiympäristöjen liikenneturvallisuutta ja ehdotat parannuksia saattoliikenteen järjestelyihin.", "liikenneturvallisuus;koulut", "safety")
o("fi", T, TRAFFIC, "Diplomityö pyöräliikenteen laskentadatasta", "Analysoit automaattisten pyörälaskureiden dataa ja mallinnat pyöräliikenteen kausivaihtelua.", "pyöräliikenne;laskenta;data", "cycling count")
o("fi", I, TRAFFIC, "Liikennesuunnittelun harjoittelija", "Pääset mukaan katusuunnitelmien liikennejärjestelyihin ja liikennevalojen suunnitteluun.", "liikennesuunnittelu;harjoittelu", "trafficplan")
o("fi+en", I, TRAFFIC, "Liikennesuunnittelijaharjoittelija", "Harjoittelijana teet liikennemallinnusta ja liikenne-ennusteita. Englanninkielinen opiskelija on tervetullut, tiimissä puhutaan myös englantia.", "liikennemallinnus;liikennesuunnittelu", "trafficplan")
o("fi", S, TRAFFIC, "Liikennelaskija kesäksi", "Teet liikennelaskentoja risteyksissä ja kevyen liikenteen väylillä sekä tallennat tulokset.", "liikennelaskenta;kesätyö", "count")
o("fi", T, TRAFFIC, "Opinnäytetyö pysäköinnin hinnoittelusta", "Selvität pysäköinnin hinnoittelun vaikutuksia Espoon keskuksissa ja vertailet muihin kaupunkeihin.", "pysäköinti;hinnoittelu", "parking")
o("fi", I, TRAFFIC, "Pysäköintisuunnittelun harjoittelija", "Teet pysäköintiselvityksiä ja lasket pysäköintipaikkojen käyttöastetta.", "pysäköinti;selvitys", "parking")
o("fi", T, TRAFFIC, "Gradu joukkoliikenteen saavutettavuudesta", "Tutkit paikkatietomenetelmin, miten raideliikenteen asemat ovat saavutettavissa kävellen ja pyöräillen.", "joukkoliikenne;saavutettavuus", "transit gis")
o("fi", I, TRAFFIC, "Joukkoliikenteen harjoittelija", "Suunnittelet bussipysäkkien paikkoja ja esteettömyyttä yhdessä HSL:n kanssa.", "joukkoliikenne;bussipysäkit", "transit accessibility")
o("fi", T, TRAFFIC, "Diplomityö liikennevalojen älykkäästä ohjauksesta", "Simuloit liikennevalo-ohjauksen vaihtoehtoja ja arvioit joukkoliikenne-etuuksia.", "liikennevalot;simulointi", "signals")
o("fi", S, TRAFFIC, "Liikennevalojen huollon kesätyöntekijä", "Autat liikennevalojen huoltoa ja vikojen kirjaamista. Sähköalan opinnot eduksi.", "liikennevalot;huolto", "signals")
o("fi", T, TRAFFIC, "Opinnäytetyö melun mallintamisesta", "Mallinnat tieliikenteen melua ja vertailet meluesteiden vaikutusta asuinalueilla.", "melu;mallinnus", "noise")
o("fi", T, TRAFFIC, "Kandidaatintyö kävelyn olosuhteista", "Arvioit jalankulun olosuhteita keskuksissa ja kehität kävely-ympäristön arviointimenetelmää.", "jalankulku;kävely", "walking")
o("fi", I, TRAFFIC, "Pyöräliikenteen suunnittelija, harjoittelu", "Suunnittelet pyöräteiden opastusta ja pyöräpysäköintiä sekä osallistut baanaverkon kehittämiseen.", "pyörätiet;pyöräliikenne", "cycling")
o("fi", S, TRAFFIC, "Kesätyö: pyöräteiden kuntokartoitus", "Pyöräilet reitit läpi ja kirjaat pyöräteiden kunnon ja puutteet mobiililaitteella.", "pyörätiet;kuntokartoitus", "cycling condition")
o("fi", T, TRAFFIC, "Opinnäytetyö liikenneonnettomuuksien analyysistä", "Analysoit poliisin onnettomuustietoja ja tunnistat vaarallisimmat risteykset.", "liikenneonnettomuudet;liikenneturvallisuus", "safety data")
o("fi", I, TRAFFIC, "Liikenneturvallisuustyön harjoittelija", "Suunnittelet liikenneturvallisuuskampanjoita ja osallistut koulujen liikennekasvatukseen.", "liikenneturvallisuus;kampanja", "safety comms")
# --- Finnish: street design, construction
o("fi", I, STREET, "Katusuunnittelun harjoittelija", "Teet katusuunnitelmien piirustuksia ja määrälaskentaa CAD-ohjelmilla.", "katusuunnittelu;cad", "streetdesign")
o("fi", T, STREET, "Opinnäytetyö katusuunnittelun tietomallinnuksesta", "Kehität tietomallipohjaista katusuunnittelua ja inframallien tarkastusta.", "tietomallinnus;inframalli", "streetdesign bim")
o("fi", I, STREET, "Infrasuunnittelijaksi harjoitteluun", "Haemme harjoittelijaa infrasuunnittelijaksi: katujen, siltojen ja kunnallistekniikan suunnittelua.", "infrasuunnittelu;kunnallistekniikka", "streetdesign")
o("fi", S, STREET, "Suunnitteluavustaja kesäksi", "Avustat katusuunnittelijoita piirustusten päivityksessä ja arkistoinnissa.", "suunnittelu;piirustukset", "streetdesign")
o("fi", I, BUILD, "Rakennuttamisen harjoittelija", "Seuraat katu- ja puistohankkeiden rakennuttamista: kilpailutusta, työmaakokouksia ja valvontaa.", "rakennuttaminen;hankkeet", "construction")
o("fi", I, BUILD, "Työmaavalvojan harjoittelija", "Kuljet valvojan mukana työmailla, teet laadunvalvontaa ja kirjaat työmaapäiväkirjaa.", "työmaavalvonta;valvoja", "construction")
o("fi", S, BUILD, "Kesätyö työmaavalvonnassa", "Avustat rakennuttajaa työmailla: kuvaat, mittaat ja kirjaat havainnot.", "työmaa;valvonta", "construction")
o("fi", T, BUILD, "Diplomityö infrahankkeiden hiilijalanjäljestä", "Lasket katuhankkeiden hiilijalanjäljen ja vertailet vähähiilisiä materiaaleja.", "hiilijalanjälki;vähähiilisyys", "climate construction")
o("fi", T, BUILD, "Opinnäytetyö urakoiden kustannusseurannasta", "Kehität rakennushankkeiden kustannusseurantaa ja raportointia.", "kustannukset;urakat", "construction")
o("fi", I, BUILD, "Rakennuttajainsinööriksi harjoittelemaan", "Harjoittelija pääsee rakennuttajainsinöörin työpariksi siltojen ja katujen hankkeisiin.", "rakennuttaja;insinööri", "construction bridge")
o("fi", T, STREET, "Opinnäytetyö esteettömistä kaduista", "Selvität katujen esteettömyyden ratkaisuja ja laadit esteettömyysohjeen päivitysehdotuksen.", "esteettömyys;katu", "accessibility streetdesign")
# --- Finnish: surveying and GIS
o("fi", S, SURVEY, "Maastomittaajan kesätyö", "Mittaat takymetrillä ja GNSS-laitteella katuja ja rakennuksia mittausryhmässä.", "maastomittaus;gnss", "survey")
o("fi", I, SURVEY, "Kaupunkimittauksen harjoittelija", "Pääset mukaan kiinteistönmuodostukseen ja kartastotöihin kaupunkimittauksessa.", "kaupunkimittaus;kartasto", "survey map")
o("fi", I, SURVEY, "Mittausharjoittelija", "Teet maastomittauksia ja laserkeilausaineiston käsittelyä mittaustiimissä.", "mittaus;laserkeilaus", "survey laser")
o("fi", T, SURVEY, "Diplomityö laserkeilausaineiston luokittelusta", "Kehität koneoppimismenetelmän laserkeilauspistepilven automaattiseen luokitteluun.", "laserkeilaus;pistepilvi;koneoppiminen", "laser ml")
o("fi", T, SURVEY, "Opinnäytetyö 3D-kaupunkimallin ajantasaistuksesta", "Selvität, miten kaupunkimallia päivitetään ilmakuvista ja laserkeilauksesta.", "3d-kaupunkimalli;kaupunkimalli", "model3d")
o("fi", I, SURVEY, "Paikkatietoharjoittelija", "Ylläpidät paikkatietoaineistoja, teet karttoja QGIS:llä ja tarkistat aineistojen laatua.", "paikkatieto;qgis", "gis map")
o("fi", S, SURVEY, "Kartoittajan kesätyö", "Päivität kantakarttaa maastohavaintojen ja ilmakuvien pohjalta.", "kantakartta;kartoitus", "map survey")
o("fi", T, SURVEY, "Kandidaatintyö osoitejärjestelmästä", "Tarkastelet osoitteiden ja rakennustunnusten laatua ja ehdotat korjausprosessin.", "osoitteet;rakennukset", "address")
o("fi", I, SURVEY, "Kiinteistönmuodostuksen harjoittelija", "Avustat tonttijakojen ja lohkomisten valmistelussa ja toimitusten kirjauksissa.", "kiinteistönmuodostus;tonttijako", "property")
o("fi", T, SURVEY, "Gradu kiinteistöjen arvonmuodostuksesta", "Tutkit maanarvon muodostumista asemien lähellä kauppahinta-aineiston avulla.", "kiinteistöarvio;maanarvo", "property")
o("fi", S, SURVEY, "Kesätyö paikkatiedon parissa", "Digitoit vanhoja karttoja ja korjaat paikkatietokannan virheitä.", "paikkatieto;digitointi", "gis map")
o("fi", T, SURVEY, "Diplomityö digitaalisesta kaksosesta", "Kehität kaupungin digitaalista kaksosta ja sen rajapintoja kunnossapidon tarpeisiin.", "digitaalinen kaksonen;rajapinnat", "model3d data")
# --- Finnish: geotechnics
o("fi", I, GEO, "Geoteknikkoharjoittelija", "Osallistut pohjatutkimuksiin, kairauksiin ja näytteenottoon sekä laadit pohjatutkimuskarttoja.", "pohjatutkimus;kairaus", "geotech")
o("fi", S, GEO, "Kairausavustajan kesätyö", "Avustat kairausryhmää maastossa, merkitset tutkimuspisteet ja kuljetat näytteet laboratorioon.", "kairaus;maasto", "geotech")
o("fi", T, GEO, "Diplomityö savikoiden painumasta", "Tutkit pehmeiden savikoiden painumia ja vertailet laskentamenetelmiä seurantamittauksiin.", "savi;painuma", "geotech clay")
o("fi", T, GEO, "Opinnäytetyö pohjavesiputkien seurannasta", "Kehität pohjavedenpinnan seurantaa ja automaattista mittausta havaintoputkissa.", "pohjavesi;seuranta", "groundwater")
o("fi", S, GEO, "Pohjavesimittaukset kesätyönä", "Mittaat pohjavedenpintoja havaintoputkista ympäri Espoota ja tallennat tulokset.", "pohjavesi;mittaus", "groundwater")
o("fi", T, GEO, "Gradu pilaantuneiden maiden kunnostuksesta", "Vertailet pilaantuneiden maa-alueiden kunnostusmenetelmiä ja niiden kustannuksia.", "pilaantunut maa;kunnostus", "soil")
o("fi", I, GEO, "Geotekniikan suunnittelun harjoittelija", "Teet stabiliteettilaskelmia ja perustamistapalausuntoja geoteknikon ohjauksessa.", "geotekninen suunnittelu;perustaminen", "geotech")
o("fi", T, GEO, "Diplomityö kalliorakentamisesta", "Tutkit kallioperän ruhjeiden vaikutusta maanalaiseen rakentamiseen Espoossa.", "kallioperä;kalliorakentaminen", "rock")
# --- Finnish: data and IT
o("fi", I, DATA, "Data-analyytikon harjoittelija", "Analysoit palautedataa ja kunnossapidon tietoja Pythonilla ja Power BI:llä.", "data-analyysi;python", "data")
o("fi", I, DATA, "Ohjelmistokehittäjäharjoittelija", "Kehität kaupunkitekniikan sisäisiä sovelluksia tiimissä, jossa käytetään Pythonia ja Reactia.", "ohjelmistokehitys;python", "software")
o("fi+en", T, DATA, "Diplomityö koneoppimisesta päällystevaurioiden tunnistamiseen", "Opetat neuroverkon tunnistamaan päällystevauriot katukuvista. Työn voi tehdä englanniksi.", "koneoppiminen;päällystevauriot", "ml paving")
o("fi", S, DATA, "Kesätyö avoimen datan parissa", "Julkaiset kaupunkitekniikan aineistoja avoimena datana ja dokumentoit rajapintoja.", "avoin data;rajapinnat", "opendata")
o("fi", T, DATA, "Opinnäytetyö palautejärjestelmän analytiikasta", "Luokittelet asukaspalautteita tekstianalytiikalla ja selvität palautteiden syyt.", "palaute;tekstianalytiikka", "data customer")
o("fi+en", I, DATA, "Tietoinsinööriharjoittelija", "Rakennat tietoputkia ja tietovarastoja kunnossapidon ja liikenteen datalle. Englanti käy työkieleksi.", "data engineering;tietovarasto", "data")
o("fi", S, DATA, "Kesätyöntekijä tietojärjestelmätukeen", "Neuvot käyttäjiä kaupunkitekniikan järjestelmissä ja päivität ohjeita.", "tietojärjestelmät;tuki", "ittuki")
o("fi", T, DATA, "Kandidaatintyö tekoälystä asiakaspalvelussa", "Kokeilet tekoälyä palautteiden ohjaamisessa oikealle käsittelijälle.", "tekoäly;asiakaspalvelu", "ml customer")
# --- Finnish: environment, storm water, climate
o("fi", T, ENV, "Opinnäytetyö hulevesien laadusta", "Mittaat hulevesien kiintoaine- ja ravinnepitoisuuksia ja arvioit hulevesien käsittelyä.", "hulevesi;vedenlaatu", "storm")
o("fi", I, ENV, "Hulevesiharjoittelija", "Harjoittelija osallistuu hulevesiohjelman toimenpiteisiin ja hulevesikaivojen kartoitukseen.", "hulevesi;kaivot", "storm")
o("fi", T, ENV, "Diplomityö tulvariskien hallinnasta", "Mallinnat rankkasadetulvia ja ehdotat tulvareittejä kaupunkirakenteeseen.", "tulvat;rankkasade", "flood storm")
o("fi", S, ENV, "Ympäristötarkastajan kesätyö", "Tarkastat purojen ja ojien kuntoa ja otat vesinäytteitä.", "purot;vesinäytteet", "water environment")
o("fi", T, ENV, "Opinnäytetyö ilmastonmuutokseen sopeutumisesta", "Selvität, miten kaupunkitekniikka sopeutuu ilmastonmuutokseen: helle, rankkasateet ja talvien muutos.", "ilmastonmuutos;sopeutuminen", "climate")
o("fi", I, ENV, "Ilmastoharjoittelija", "Lasket kaupunkitekniikan päästöjä ja autat ilmasto-ohjelman seurannassa.", "ilmasto;päästöt", "climate")
o("fi", T, ENV, "Gradu kaupunkiluonnon monimuotoisuudesta", "Kartoitat pölyttäjien elinympäristöjä ja kehität monimuotoisuuden seurantaa.", "monimuotoisuus;pölyttäjät", "biodiversity")
o("fi", S, ENV, "Ilmanlaadun mittaaja kesäksi", "Huollat ilmanlaadun mittausasemia ja teet katupölymittauksia.", "ilmanlaatu;katupöly", "airquality")
# --- Finnish: admin and customer service
o("fi", S, ADMIN, "Asiakaspalvelun kesätyöntekijä", "Vastaat asukkaiden palautteisiin puhelimessa ja palautejärjestelmässä.", "asiakaspalvelu;palaute", "customer")
o("fi+sv", S, ADMIN, "Asiakasneuvoja kesäksi, suomi ja ruotsi", "Neuvot asiakkaita kaivuulupa- ja katutyöasioissa suomeksi ja ruotsiksi.", "asiakaspalvelu;kaivuuluvat", "customer permits")
o("fi", I, ADMIN, "Viestintäharjoittelija", "Kirjoitat uutisia katutöistä, teet somesisältöjä ja kuvaat työmailla.", "viestintä;some", "comms")
o("fi", T, ADMIN, "Opinnäytetyö asukasosallistumisesta", "Tutkit, miten asukkaita osallistetaan puisto- ja katuhankkeisiin ja mitä palautteesta seuraa.", "osallistuminen;vuorovaikutus", "participation")
o("fi", S, ADMIN, "Toimistotyöntekijä kesäksi", "Arkistoit sopimuksia, käsittelet laskuja ja avustat hallinnossa.", "toimisto;arkistointi", "office")
o("fi", I, ADMIN, "Hankintojen harjoittelija", "Avustat kilpailutuksissa ja hankintasopimusten valmistelussa.", "hankinnat;kilpailutus", "procurement")
o("fi", I, ADMIN, "Kaivuulupien käsittelijä, harjoittelu", "Käsittelet katualueen kaivuulupia ja tilapäisiä liikennejärjestelyjä.", "kaivuuluvat;katualue", "permits")
o("fi", T, ADMIN, "Opinnäytetyö kesätyöntekijöiden perehdytyksestä", "Kehität kesätyöntekijöiden perehdytysmallin ja oppaan.", "perehdytys;henkilöstö", "hr")
# --- Swedish openings
o("sv+fi", S, GREEN, "Sommarjobb i parkerna", "Du sköter parker och grönområden i Esbo: klipper gräsmattor, planterar blommor och plockar skräp.", "parker;sommarjobb", "park lawn")
o("sv", S, GREEN, "Parkarbetare sommaren 2027", "Parkskötsel i Köklax och Esboviken. Du arbetar i ett tvåspråkigt team.", "parkskötsel;grönområden", "park")
o("sv", I, GREEN, "Praktikant inom grönbyggande", "Du följer byggandet av parker och lekplatser och gör kvalitetskontroller på byggplatsen.", "grönbyggande;praktik", "green construction")
o("sv+fi", T, GREEN, "Examensarbete om stadsträd", "Du undersöker gatuträdens växtförhållanden och föreslår bättre växtbäddar.", "gatuträd;examensarbete", "tree")
o("sv", S, GREEN, "Bekämpning av invasiva arter", "Sommarjobb där du bekämpar jätteblomster och lupiner tillsammans med frivilliga.", "invasiva arter;sommarjobb", "invasive")
o("sv+fi", S, GREEN, "Lekplatsinspektör", "Du inspekterar lekplatsernas redskap och underlag varje vecka under sommaren.", "lekplatser;inspektion", "playground")
o("sv+fi", I, MAINT, "Praktikant inom gatuunderhåll", "Du lär dig gatuunderhållets entreprenader, gör kvalitetsronder och hanterar respons från invånare.", "gatuunderhåll;praktik", "streetmaint")
o("sv", I, MAINT, "Praktik i vinterunderhåll", "Du följer snöröjning och halkbekämpning och gör kvalitetskontroller med entreprenören.", "vinterunderhåll;snöröjning", "winter snow")
o("sv+fi", S, MAINT, "Sommarjobb i gatuunderhållet", "Du lagar gropar i asfalten och reparerar kantstenar i ett underhållsteam.", "gatuunderhåll;asfalt", "streetmaint paving")
o("sv", S, MAINT, "Gatusopning på våren", "Du sopar bort sandningsgrus från gång- och cykelbanor med sopmaskin.", "gatusopning;sandning", "sweeping gritting")
o("sv+fi", T, MAINT, "Examensarbete om gatubelysning", "Du jämför styrsystem för LED-gatubelysning och deras energibesparing.", "gatubelysning;energi", "lighting energy")
o("sv", T, TRAFFIC, "Examensarbete om trafiksäkerhet vid skolor", "Du analyserar trafiksäkerheten kring skolor och föreslår åtgärder.", "trafiksäkerhet;skolor", "safety")
o("sv+fi", I, TRAFFIC, "Praktikant inom trafikplanering", "Du arbetar med trafikplaner, trafikmodeller och korsningar.", "trafikplanering;praktik", "trafficplan")
o("sv", T, TRAFFIC, "Examensarbete om cykeltrafik", "Du analyserar data från cykelräknare och cykeltrafikens säsongsvariation.", "cykeltrafik;cykelräknare", "cycling count")
o("sv+fi", S, TRAFFIC, "Trafikräknare i sommar", "Du räknar trafik i korsningar och på cykelbanor och för in resultaten.", "trafikräkning;sommarjobb", "count")
o("sv", I, TRAFFIC, "Praktik inom kollektivtrafik", "Du planerar busshållplatser och deras tillgänglighet.", "kollektivtrafik;busshållplatser", "transit accessibility")
o("sv+fi", I, SURVEY, "Praktikant inom stadsmätning", "Du deltar i fastighetsbildning och kartarbeten.", "stadsmätning;kartor", "survey map property")
o("sv", S, SURVEY, "Sommarjobb som mätare", "Du mäter gator och byggnader med totalstation och GNSS i ett mätlag.", "terrängmätning;gnss", "survey")
o("sv+fi", T, SURVEY, "Examensarbete om laserskanning", "Du utvecklar klassificering av punktmoln från laserskanning.", "laserskanning;punktmoln", "laser ml")
o("sv", I, SURVEY, "Praktik med geodata", "Du underhåller geodata och gör kartor i QGIS.", "geodata;gis", "gis map")
o("sv+fi", I, GEO, "Praktikant inom geoteknik", "Du deltar i grundundersökningar, sonderingar och provtagning.", "geoteknik;grundundersökning", "geotech")
o("sv", T, GEO, "Examensarbete om grundvatten", "Du utvecklar automatisk mätning av grundvattennivåer i observationsrör.", "grundvatten;mätning", "groundwater")
o("sv+fi", T, ENV, "Examensarbete om dagvatten", "Du mäter dagvattnets kvalitet och bedömer rening av dagvatten.", "dagvatten;vattenkvalitet", "storm")
o("sv", I, ENV, "Klimatpraktikant", "Du beräknar utsläpp från stadsteknik och följer upp klimatprogrammet.", "klimat;utsläpp", "climate")
o("sv+fi", S, ADMIN, "Sommarjobb i kundtjänsten", "Du besvarar invånarnas respons per telefon på svenska och finska.", "kundtjänst;respons", "customer")
o("sv", I, ADMIN, "Kommunikationspraktikant", "Du skriver nyheter om gatuarbeten och gör inlägg i sociala medier.", "kommunikation;sociala medier", "comms")
o("sv+fi", I, BUILD, "Praktikant inom byggherreverksamhet", "Du följer upphandling, byggmöten och övervakning av gatu- och parkprojekt.", "byggherre;projekt", "construction")
o("sv", T, DATA, "Examensarbete om öppna data", "Du utvecklar publiceringen av stadsteknikens material som öppna data och gränssnitt.", "öppna data;gränssnitt", "opendata")
# --- English openings
o("en+fi", I, DATA, "Data engineering intern", "Build data pipelines for street maintenance and traffic data in a small data team. Python and SQL.", "data engineering;python", "data")
o("en", T, DATA, "Master's thesis: machine learning for street condition", "Train models that detect cracks and potholes in street images collected by maintenance vehicles.", "machine learning;pavement", "ml paving")
o("en+fi", I, DATA, "Software developer trainee", "Develop internal web applications for the Urban Technology Centre with Python and TypeScript.", "software;development", "software")
o("en", T, TRAFFIC, "Thesis on cycling network planning", "Evaluate the regional cycling network and propose missing links using GIS analysis.", "cycling;gis", "cycling gis")
o("en+fi", T, TRAFFIC, "Thesis: traffic signal priority for buses", "Simulate bus priority at traffic signals and estimate travel time savings.", "traffic signals;public transport", "signals transit")
o("en", I, TRAFFIC, "Transport planning intern", "Work on traffic models, forecasts and junction design with the transport planning team.", "transport planning;traffic models", "trafficplan")
o("en+fi", T, TRAFFIC, "Thesis on road safety around schools", "Analyse collisions and near misses around schools and test low-cost safety measures.", "road safety;schools", "safety")
o("en", S, TRAFFIC, "Summer job counting traffic", "Count cars, bikes and pedestrians at junctions and enter the results in our database.", "traffic counts;summer job", "count")
o("en+fi", S, GREEN, "Summer park worker", "Mow lawns, water plantings and keep the parks of Espoo tidy. No Finnish needed.", "parks;summer job", "park lawn")
o("en", I, GREEN, "Landscape architecture intern", "Help our landscape architects design parks and squares, make sketches and visualisations.", "landscape design;parks", "parkdesign park")
o("en+fi", T, GREEN, "Master's thesis on urban tree canopy", "Map tree canopy cover from laser scanning data and study how it changes over time.", "tree canopy;laser scanning", "tree laser")
o("en", S, GREEN, "Invasive species summer worker", "Remove Himalayan balsam and lupins with volunteer groups across Espoo.", "invasive species;summer job", "invasive")
o("en", I, GREEN, "Urban forestry intern", "Survey paths and nature sites in urban forests and help update the forest plan.", "urban forests;forest plan", "forest")
o("en+fi", I, MAINT, "Street maintenance intern", "Learn how street maintenance contracts work: inspections, quality rounds and resident feedback.", "street maintenance;internship", "streetmaint")
o("en", T, MAINT, "Thesis on winter maintenance quality", "Compare snow ploughing and anti-skid gritting records with resident feedback to measure winter maintenance quality.", "winter maintenance;snow ploughing", "winter snow gritting")
o("en+fi", I, MAINT, "Bridge inspection intern", "Join bridge inspections and record damage in the bridge register.", "bridges;inspection", "bridge condition")
o("en", S, MAINT, "Summer job in street cleaning", "Sweep cycle paths, empty bins and clean streets after summer events.", "street cleaning;summer job", "sweeping")
o("en+fi", T, MAINT, "Thesis on smart street lighting", "Study dimming and control of LED street lights and their energy savings.", "street lighting;energy", "lighting energy")
o("en", I, SURVEY, "Surveying intern", "Carry out field surveys with GNSS and total stations and process laser scanning data.", "surveying;laser scanning", "survey laser")
o("en+fi", I, SURVEY, "GIS intern", "Maintain spatial datasets, make maps in QGIS and check data quality.", "gis;maps", "gis map")
o("en", T, SURVEY, "Thesis: digital twin of the city", "Develop the city's digital twin and its interfaces for maintenance planning.", "digital twin;3d city model", "model3d data")
o("en+fi", I, GEO, "Geotechnical engineering intern", "Take part in site investigations, drilling and soil sampling, and draw geotechnical maps.", "geotechnics;site investigation", "geotech")
o("en", T, GEO, "Master's thesis on soft clay settlement", "Compare settlement calculations with monitoring data from soft clay areas.", "clay;settlement", "geotech clay")
o("en+fi", T, ENV, "Thesis on stormwater quality", "Measure suspended solids and nutrients in urban stormwater and assess treatment options.", "stormwater;water quality", "storm")
o("en", T, ENV, "Thesis on climate adaptation", "Study how streets and parks adapt to heatwaves, heavy rain and changing winters.", "climate adaptation;climate change", "climate")
o("en+fi", I, BUILD, "Construction project intern", "Follow street and park construction projects: tendering, site meetings and supervision.", "construction;projects", "construction")
o("en", I, ADMIN, "Communications intern", "Write news about street works, make social media content and take photos on sites.", "communications;social media", "comms")
o("en+fi", T, STREET, "Thesis on accessible streets", "Review accessible street design and propose updates to the city's accessibility guidelines.", "accessibility;street design", "accessibility streetdesign")


# Queries: (language, text, kinds or None for any kind, topics: any of them)
Q: list[tuple] = [
    # Finnish: compounds typed joined, split, with endings
    ("fi", "kunnossapitoharjoittelu", [I], "streetmaint"),
    ("fi", "harjoittelu kunnossapidossa", [I], "streetmaint"),
    ("fi", "kunnossapitoharjoitteluun", [I], "streetmaint"),
    ("fi", "kunnossapito kesätyö", [S], "streetmaint"),
    ("fi", "kesätyöt kunnossapidosta", [S], "streetmaint"),
    ("fi", "puistokesätyö", [S], "park"),
    ("fi", "kesätöitä puistoissa", [S], "park"),
    ("fi", "kesätyötä puistosta", [S], "park"),
    ("fi", "puistotyö", [S], "park"),
    ("fi", "puistoharjoittelu", [I], "park parkdesign"),
    ("fi", "viherrakennusharjoittelu", [I], "green"),
    ("fi", "harjoittelua viherrakentamisessa", [I], "green"),
    ("fi", "liikennesuunnitteluharjoittelu", [I], "trafficplan"),
    ("fi", "harjoittelupaikka liikennesuunnittelussa", [I], "trafficplan"),
    ("fi", "liikenneturvallisuusopinnäytetyö", [T], "safety"),
    ("fi", "opinnäytetyö liikenneturvallisuus", [T], "safety"),
    ("fi", "opinnäytetyö liikenne", [T], "safety cycling parking transit signals noise walking"),
    ("fi", "opinnäytetyöt liikenteestä", [T], "safety cycling parking transit signals noise walking"),
    ("fi", "mittauskesätyö", [S], "survey"),
    ("fi", "kesätyö mittauksessa", [S], "survey"),
    ("fi", "paikkatietoharjoittelu", [I], "gis"),
    ("fi", "harjoittelu paikkatiedon parissa", [I], "gis"),
    ("fi", "geotekniikkaharjoittelu", [I], "geotech"),
    ("fi", "harjoittelijaksi geotekniikkaan", [I], "geotech"),
    ("fi", "hulevesiopinnäytetyö", [T], "storm"),
    ("fi", "opinnäytetyö hulevesistä", [T], "storm"),
    ("fi", "siltatarkastus", None, "bridge"),
    ("fi", "siltojen tarkastukset", None, "bridge"),
    ("fi", "katuvalo harjoittelu", [I], "lighting"),
    ("fi", "katuvalojen opinnäytetyö", [T], "lighting"),
    ("fi", "talvikunnossapitoharjoittelu", [I], "winter"),
    ("fi", "harjoittelu talvikunnossapidossa", [I], "winter"),
    ("fi", "pyöräliikenneopinnäytetyö", [T], "cycling"),
    ("fi", "opinnäytetyö pyöräilystä", [T], "cycling"),
    ("fi", "pysäköintiharjoittelu", [I], "parking"),
    ("fi", "joukkoliikenneharjoittelu", [I], "transit"),
    ("fi", "ilmastoopinnäytetyö", [T], "climate"),
    ("fi", "ilmastonmuutos opinnäytetyö", [T], "climate"),
    ("fi", "laserkeilausdiplomityö", [T], "laser"),
    ("fi", "pohjavesikesätyö", [S], "groundwater"),
    ("fi", "kesätyö pohjavesi", [S], "groundwater"),
    ("fi", "vieraslajikesätyö", [S], "invasive"),
    ("fi", "vieraslajien torjunta", None, "invasive"),
    ("fi", "leikkipaikkatarkastus", None, "playground"),
    ("fi", "rakennuttamisharjoittelu", [I], "construction"),
    ("fi", "työmaavalvonta", None, "construction"),
    ("fi", "asiakaspalvelukesätyö", [S], "customer"),
    ("fi", "kesätyö asiakaspalvelussa", [S], "customer"),
    ("fi", "data-analytiikka harjoittelu", [I], "data"),
    ("fi", "dataharjoittelu", [I], "data"),
    # derivations
    ("fi", "suunnittelijaksi", [I], "trafficplan streetdesign parkdesign"),
    ("fi", "liikennesuunnittelijaksi", [I], "trafficplan"),
    ("fi", "mittaajaksi kesäksi", [S], "survey"),
    ("fi", "mittaaja", [S], "survey"),
    ("fi", "valvojaksi työmaalle", [I, S], "construction"),
    ("fi", "puistonhoitaja", [S], "park"),
    ("fi", "kartoittaja", [S], "map"),
    ("fi", "liikennelaskija", [S], "count"),
    ("fi", "laskenta liikenne kesätyö", [S], "count"),
    ("fi", "arboristi", None, "tree"),
    ("fi", "puunhoito", None, "tree"),
    ("fi", "ohjelmistokehitys harjoittelu", [I], "software"),
    ("fi", "koodari harjoittelija", [I], "software"),
    ("fi", "viestinnän harjoittelija", [I], "comms"),
    ("fi", "tulvariskit", None, "flood"),
    # colloquial, clipped
    ("fi", "oppari liikenne", [T], "safety cycling parking transit signals noise walking"),
    ("fi", "oppari puistot", [T], "park tree biodiversity forest"),
    ("fi", "oppari hulevesi", [T], "storm"),
    ("fi", "dippa laserkeilaus", [T], "laser"),
    ("fi", "dippa geotekniikka", [T], "geotech"),
    ("fi", "gradu kaupunkimetsä", [T], "forest"),
    ("fi", "kandi kävely", [T], "walking"),
    ("fi", "kesäjobi puisto", [S], "park"),
    ("fi", "kesäjobi mittaus", [S], "survey"),
    ("fi", "kesäduuni liikennelaskenta", [S], "count"),
    ("fi", "harkka paikkatieto", [I], "gis"),
    ("fi", "harkka kunnossapito", [I], "streetmaint"),
    ("fi", "harkkapaikka liikenne", [I], "trafficplan transit parking"),
    ("fi", "työharjoittelu viestintä", [I], "comms"),
    ("fi", "duuni uimarannalla", [S], "beach"),
    # domain synonyms
    ("fi", "hiekoitus", None, "gritting"),
    ("fi", "hiekoitus opinnäytetyö", [T], "gritting"),
    ("fi", "lumityöt", None, "snow"),
    ("fi", "lumenpoisto", None, "snow"),
    ("fi", "lumenauraus", None, "snow"),
    ("fi", "talvihoito", None, "winter"),
    ("fi", "asfaltointi", None, "paving"),
    ("fi", "asfalttityöt kesä", [S], "paving"),
    ("fi", "katujen siivous kesätyö", [S], "sweeping"),
    ("fi", "lakaisu", None, "sweeping"),
    ("fi", "viheralue kesätyö", [S], "park"),
    ("fi", "maisemasuunnittelu", None, "parkdesign"),
    ("fi", "kaupunkipuut", None, "tree"),
    ("fi", "katupuut opinnäytetyö", [T], "tree"),
    ("fi", "bussipysäkit", None, "transit"),
    ("fi", "julkinen liikenne", None, "transit"),
    ("fi", "melu", None, "noise"),
    ("fi", "tekoäly", None, "ml"),
    ("fi", "koneoppiminen opinnäytetyö", [T], "ml"),
    ("fi", "pohjatutkimukset", None, "geotech"),
    ("fi", "kairaus kesätyö", [S], "geotech"),
    ("fi", "kiinteistönmuodostus", None, "property"),
    ("fi", "tonttijako", None, "property"),
    ("fi", "esteettömyys", None, "accessibility"),
    ("fi", "infrasuunnittelu", None, "streetdesign"),
    ("fi", "tietomallinnus", None, "bim"),
    ("fi", "kaupunkimalli", None, "model3d"),
    ("fi", "avoin data", None, "opendata"),
    ("fi", "monimuotoisuus", None, "biodiversity"),
    ("fi", "ilmanlaatu", None, "airquality"),
    ("fi", "kaivuuluvat", None, "permits"),
    ("fi", "hankinnat harjoittelu", [I], "procurement"),
    # Swedish
    ("sv", "sommararbete park", [S], "park"),
    ("sv", "sommarjobb parker", [S], "park"),
    ("sv", "sommarjobbet i parken", [S], "park"),
    ("sv", "parkjobb", [S], "park"),
    ("sv", "trafikplanering praktik", [I], "trafficplan"),
    ("sv", "trafikplaneringspraktik", [I], "trafficplan"),
    ("sv", "praktikplats trafik", [I], "trafficplan transit"),
    ("sv", "examensarbeten om trafiksäkerheten", [T], "safety"),
    ("sv", "exjobb trafik", [T], "safety cycling signals transit"),
    ("sv", "exjobb dagvatten", [T], "storm"),
    ("sv", "gatuunderhåll", None, "streetmaint"),
    ("sv", "praktik underhåll", [I], "streetmaint"),
    ("sv", "snöröjningen", None, "snow"),
    ("sv", "vinterunderhållet", None, "winter"),
    ("sv", "gatubelysningen", None, "lighting"),
    ("sv", "lekplatserna", None, "playground"),
    ("sv", "invasiva växter", None, "invasive"),
    ("sv", "stadsträden", None, "tree"),
    ("sv", "mätningspraktik", [I], "survey"),
    ("sv", "sommarjobb mätning", [S], "survey"),
    ("sv", "geodatapraktik", [I], "gis"),
    ("sv", "geotekniska undersökningar", None, "geotech"),
    ("sv", "grundvattnet", None, "groundwater"),
    ("sv", "klimatet praktik", [I], "climate"),
    ("sv", "cykeltrafiken", None, "cycling"),
    ("sv", "kollektivtrafiken", None, "transit"),
    ("sv", "kundtjänst sommar", [S], "customer"),
    ("sv", "trafikräkning", None, "count"),
    ("sv", "laserskanningen", None, "laser"),
    ("sv", "byggprojekt praktik", [I], "construction"),
    ("sv", "gatusopningen", None, "sweeping"),
    ("sv", "öppen data", None, "opendata"),
    # English
    ("en", "traineeship", [I], "data software streetmaint bridge gis geotech construction"),
    ("en", "traineeship gis", [I], "gis"),
    ("en", "work placement traffic", [I], "trafficplan"),
    ("en", "work placement surveying", [I], "survey"),
    ("en", "master's thesis machine learning", [T], "ml"),
    ("en", "masters thesis stormwater", [T], "storm"),
    ("en", "thesis topics traffic safety", [T], "safety"),
    ("en", "summer jobs parks", [S], "park"),
    ("en", "summer work in a park", [S], "park"),
    ("en", "summer job traffic counting", [S], "count"),
    ("en", "internships street maintenance", [I], "streetmaint"),
    ("en", "maintenance internship", [I], "streetmaint bridge"),
    ("en", "snow ploughing", None, "snow"),
    ("en", "winter road maintenance thesis", [T], "winter"),
    ("en", "bridge inspections", None, "bridge"),
    ("en", "street lights thesis", [T], "lighting"),
    ("en", "cycling thesis", [T], "cycling"),
    ("en", "bike traffic", None, "cycling"),
    ("en", "bus priority", None, "transit signals"),
    ("en", "geotechnics internship", [I], "geotech"),
    ("en", "soil investigation", None, "geotech"),
    ("en", "landscape architect intern", [I], "parkdesign"),
    ("en", "urban trees", None, "tree"),
    ("en", "invasive plants", None, "invasive"),
    ("en", "software developer internship", [I], "software"),
    ("en", "data engineer", None, "data"),
    ("en", "digital twin", None, "model3d"),
    ("en", "climate adaptation thesis", [T], "climate"),
    ("en", "construction internship", [I], "construction"),
    ("en", "communications internship", [I], "comms"),
    ("en", "accessibility", None, "accessibility"),
    ("en", "transport planner internship", [I], "trafficplan"),
]


def main() -> None:
    records, queries = write_set(HERE, "ho", OPENINGS, Q)
    print(f"{len(records)} openings, {len(queries)} queries")


if __name__ == "__main__":
    main()
