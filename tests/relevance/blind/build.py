# ruff: noqa: E501
"""Blind relevance set: openings and student queries for the Opportunity Bank search.

Run: python3 tests/relevance/blind/build.py   (writes openings.jsonl and queries.jsonl here)

This is a third, independent set, written without sight of the search, its lexicon or the
other relevance sets: only tests/relevance/labelled.py (the record format and the judging
helper), the design note and the city's strategy were read. Judging is by labels, not by
search results: every opening carries the topics a student would file it under, every query
the kind(s) and topic(s) the student means; an opening is acceptable when its kind fits, one
of its topics is among the query's and it is open to the query's language.

The queries were written from a student's need first and only then judged; they come in
nine groups of about equal size:
  1. compounds typed differently from the ads (joined/split, with case endings)
  2. derivations and inflections (-ja/-nti/-minen, essive, translative)
  3. colloquial and clipped words (oppari, gradu, dippa, kesäduuni, harkka, msc)
  4. domain synonyms (a word the ads do not use for the same thing)
  5. Swedish compounds and inflections (plural and definite forms)
  6. English words for kinds and roles (work placement, trainee, field worker)
  7. English or Swedish queries for Finnish openings open to that language
  8. plain one-word topic queries
  9. two-word kind + topic queries
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

# Topic vocabulary (35): snow cleaning maintenance park trees playground biodiversity lighting
# cycling walking safety traffic transit parking survey gis mapping bim soil circular
# stormwater noise climate energy data customer procurement communication participation
# worksite bridge paving streetplan asset accessibility

OPENINGS = Openings()
add = OPENINGS.add

# Katu- ja infrasuunnittelu
add("fi", T, STREET, "Diplomityö: katujen esteettömyyden arviointi", "Diplomityössä kehitetään menetelmä, jolla katusuunnitelmien esteettömyyttä voidaan arvioida jo luonnosvaiheessa. Työssä hyödynnetään Espoon esteettömyysohjeita ja kohdekäyntejä.", "diplomityö;esteettömyys;katusuunnittelu", "accessibility streetplan")
add("fi+en", T, STREET, "Opinnäytetyö pyöräteiden liittymäratkaisuista", "Selvitä, miten baanojen ja pääpyöräreittien liittymät toimivat Espoossa, ja vertaa ratkaisuja pohjoismaisiin esimerkkeihin. Työn voi kirjoittaa suomeksi tai englanniksi.", "opinnäytetyö;pyöräily", "cycling streetplan")
add("fi", I, STREET, "Katusuunnittelun harjoittelija", "Pääset mukaan laatimaan katu- ja rakennussuunnitelmia suunnittelijoiden rinnalla. Tehtäviin kuuluu mitoitustarkasteluja, piirustusten tarkastamista ja suunnitelmaselostusten kirjoittamista.", "harjoittelu;katusuunnittelu", "streetplan")
add("fi", S, STREET, "Kesätyöntekijä infrasuunnitteluun", "Kesätyössä päivität katusuunnitelmien lähtötietoja, kokoat kustannusarvioita ja osallistut maastokäynneille suunnittelukohteissa.", "kesätyö;infra", "streetplan")
add("fi+sv", T, STREET, "Opinnäytetyö: siltojen korjaussuunnittelun priorisointi", "Opinnäytetyössä laaditaan malli, jolla Espoon silta- ja alikulkukohteiden peruskorjaukset asetetaan kiireellisyysjärjestykseen kuntotietojen perusteella.", "opinnäytetyö;sillat", "bridge asset")
add("en+fi", T, STREET, "Master's thesis: low-carbon street structures", "Compare the carbon footprint of alternative street pavement structures and recycled aggregates in Espoo's street design projects. The thesis can be written in English or Finnish.", "master's thesis;low-carbon;pavement", "climate paving circular")
add("fi", I, STREET, "Harjoittelu hulevesisuunnittelussa", "Harjoittelija avustaa katualueiden hulevesijärjestelmien suunnittelussa: valuma-aluetarkastelut, viivytysrakenteiden mitoitus ja biosuodatusalueiden luonnostelu.", "harjoittelu;hulevedet", "stormwater streetplan")
add("sv+fi", I, STREET, "Praktikant inom gatuplanering", "Som praktikant deltar du i planeringen av gator och cykelvägar i Esbo. Du ritar skisser, går igenom planer och träffar konsulter.", "praktik;gatuplanering", "streetplan cycling")
add("fi", S, STREET, "Kesätyö: siltojen tarkastusapulainen", "Kierrät kesän aikana siltatarkastajan mukana ja kirjaat havaintoja kevyen liikenteen siltojen ja alikulkujen kunnosta.", "kesätyö;sillat;tarkastus", "bridge asset")
add("fi+en", I, STREET, "Siltasuunnittelun harjoittelija", "Harjoittelijana osallistut siltojen ja muiden taitorakenteiden suunnitelmien tarkastamiseen ja rakennusaikaisiin katselmuksiin. Englanninkielinen harjoittelija on tervetullut.", "harjoittelu;taitorakenteet", "bridge")
add("fi", T, STREET, "Opinnäytetyö: katujen pintamateriaalien elinkaari", "Tutkit kiveysten, asfaltin ja betonilaattojen elinkaarikustannuksia ja kestävyyttä keskusta-alueiden kaduilla.", "opinnäytetyö;päällysteet", "paving asset")
add("fi+sv+en", T, STREET, "Gradu tai diplomityö: katupuiden kasvualustat", "Tutki, miten katupuiden rakenteelliset kasvualustat toimivat hulevesien viivyttäjinä ja puiden kasvun tukena. Työn voi tehdä suomeksi, ruotsiksi tai englanniksi.", "diplomityö;katupuut;kasvualusta", "trees stormwater")
add("fi", I, STREET, "Esteettömyysasiantuntijan harjoittelija", "Harjoittelussa kartoitat joukkoliikennepysäkkien ja suojateiden esteettömyyttä ja laadit parannusehdotuksia katusuunnittelijoille.", "harjoittelu;esteettömyys", "accessibility transit")
add("fi+en", S, STREET, "Kesätyö pyöräverkon kehittämisessä", "Kesätyöntekijänä kokoat tietoja pyöräteiden puutteista, kuvaat kohteita ja päivität pyöräilyverkon kehittämisohjelman kohdelistaa.", "kesätyö;pyöräverkko", "cycling")
add("fi", T, STREET, "Opinnäytetyö: koulureittien turvallisuus katusuunnittelussa", "Opinnäytetyössä selvitetään, miten koulumatkojen turvallisuus otetaan huomioon katusuunnitelmissa, ja laaditaan tarkistuslista suunnittelijoille.", "opinnäytetyö;koulumatkat", "safety streetplan walking")
add("sv+fi", T, STREET, "Examensarbete om dagvattenlösningar i gatumiljö", "I examensarbetet jämför du öppna dagvattenlösningar som regnbäddar och svackdiken i Esbos nya gator.", "examensarbete;dagvatten", "stormwater")
add("fi", S, STREET, "Kesätyö: suunnitelma-arkiston digitointi", "Kesätyössä skannaat ja nimeät vanhoja katu- ja viemärisuunnitelmia sekä tallennat ne sähköiseen arkistoon.", "kesätyö;arkisto", "data asset")

# Rakennuttaminen
add("fi", I, BUILD, "Rakennuttamisen harjoittelija", "Harjoittelija pääsee seuraamaan katu- ja puistorakentamisen työmaita, osallistuu työmaakokouksiin ja avustaa rakennuttajakonsultteja.", "harjoittelu;rakennuttaminen;työmaa", "worksite")
add("fi", S, BUILD, "Työmaavalvonnan kesätyöntekijä", "Valvojan apuna tarkistat työmaiden tilapäisiä liikennejärjestelyjä, kuvaat työvaiheita ja kirjaat poikkeamat.", "kesätyö;valvonta", "worksite safety")
add("fi+en", T, BUILD, "Diplomityö: vähähiiliset työkoneet infratyömailla", "Diplomityössä arvioidaan sähköisten ja biopolttoaineella toimivien työkoneiden käyttöä Espoon katurakentamisen urakoissa ja niiden päästövähennyksiä.", "diplomityö;päästöt;työkoneet", "climate worksite")
add("fi", T, BUILD, "Opinnäytetyö: infraurakoiden hankintakriteerit", "Tutki, miten laatu- ja ympäristökriteerit on painotettu infrarakentamisen kilpailutuksissa ja miten ne ovat vaikuttaneet lopputulokseen.", "opinnäytetyö;hankinnat;urakat", "procurement")
add("fi+sv", I, BUILD, "Harjoittelija hankintoihin ja sopimushallintaan", "Harjoittelussa valmistelet tarjouspyyntöasiakirjoja, vertailet tarjouksia ja päivität urakkasopimusten seurantaa.", "harjoittelu;hankinnat", "procurement")
add("fi", S, BUILD, "Kesätyö rakennuttajan assistenttina", "Avustat projektipäälliköitä dokumenttien hallinnassa, työmaakäynneillä ja laskujen tarkastuksessa.", "kesätyö;projektit", "worksite")
add("en+fi", I, BUILD, "Construction site trainee", "As a trainee you follow street and bridge construction sites, join site meetings and help the supervisors document quality inspections. English is the working language of the team.", "traineeship;construction site", "worksite bridge")
add("fi", T, BUILD, "Opinnäytetyö: kaivumaiden hyötykäyttö", "Opinnäytetyössä selvitetään, miten kaivumassoja ja purkumateriaaleja voitaisiin käyttää uudelleen Espoon omilla työmailla ja välivarastoalueilla.", "opinnäytetyö;massat;kiertotalous", "circular soil")
add("sv+fi", S, BUILD, "Sommarjobb på byggarbetsplats", "Som sommarjobbare hjälper du byggherrens övervakare på Esbos gatubyggen. Du fotograferar, dokumenterar och kontrollerar trafikarrangemang.", "sommarjobb;byggplats", "worksite")
add("fi", I, BUILD, "Harjoittelu: työmaiden liikennejärjestelyt", "Harjoittelija perehtyy työnaikaisiin liikennejärjestelysuunnitelmiin, tarkastaa niitä ja käy valvomassa jalankulun ja pyöräilyn reittejä työmaiden ympärillä.", "harjoittelu;liikennejärjestelyt", "worksite safety walking")
add("fi+en", T, BUILD, "Opinnäytetyö: infrahankkeiden kustannusseuranta", "Kehitä raportointimalli, jolla rakennuttamisen projektien kustannukset ja aikataulut saadaan läpinäkyvästi esiin johdolle.", "opinnäytetyö;kustannukset", "procurement")
add("fi", S, BUILD, "Kesätyö: puistorakentamisen työmaat", "Kesätyössä seuraat uusien leikkipuistojen ja lähiliikuntapaikkojen rakentamista ja tarkistat varusteiden asennuksia.", "kesätyö;puistorakentaminen", "playground worksite")
add("fi+sv+en", T, BUILD, "Diplomityö: kierrätysmateriaalit katurakenteissa", "Tutki murskatun betonin ja muiden kierrätysmateriaalien käyttöä katujen rakennekerroksissa ja niiden laadunvarmistusta.", "diplomityö;kierrätys", "circular paving")
add("fi", I, BUILD, "Rakennuttajainsinöörin harjoittelu siltakohteissa", "Harjoittelet siltojen peruskorjausurakoiden rakennuttamista: aikataulujen seurantaa, laatuasiakirjoja ja työmaakokouksia.", "harjoittelu;sillat", "bridge worksite")
add("fi", S, BUILD, "Kesätyöntekijä: latausasemien rakentaminen", "Seuraat sähköautojen latauspisteiden rakentamista kaduille ja pysäköintialueille ja kokoat tietoa asennuksista.", "kesätyö;latausinfra", "energy")
add("fi+en", I, BUILD, "Harjoittelija rakennushankkeiden ympäristövaatimuksiin", "Harjoittelussa tarkistat, miten urakoitsijat noudattavat melu-, pöly- ja ympäristövaatimuksia, ja kokoat havainnot raportiksi.", "harjoittelu;ympäristö", "noise worksite")
add("fi", T, BUILD, "Opinnäytetyö: urakoitsijayhteistyön kehittäminen", "Opinnäytetyössä haastatellaan urakoitsijoita ja tilaajan edustajia ja ehdotetaan keinoja allianssi- ja KVR-urakoiden yhteistyön parantamiseen.", "opinnäytetyö;urakointi", "procurement")
add("sv+fi", I, BUILD, "Praktikant inom upphandling", "Du deltar i upphandlingen av gatu- och parkbyggen, jämför anbud och sköter avtalsuppföljning.", "praktik;upphandling", "procurement")

# Viheralueiden ylläpito
add("fi", S, GREEN, "Puistotyöntekijä kesäksi", "Kesätyössä hoidat puistojen nurmikoita, istutuksia ja käytäviä viheralueiden ylläpidon tiimissä.", "kesätyö;puistot", "park")
add("fi", S, GREEN, "Kesätyö: vieraslajien torjunta", "Torjut jättipalsamia, kurtturuusua ja jättiputkea Espoon viheralueilla ja kirjaat esiintymät karttasovellukseen.", "kesätyö;vieraslajit", "biodiversity")
add("fi+sv", S, GREEN, "Leikkipuistojen tarkastaja, kesätyö", "Tarkastat leikkivälineiden kuntoa ja turvallisuutta, kirjaat puutteet ja teet pieniä korjauksia.", "kesätyö;leikkipuistot", "playground safety")
add("fi", T, GREEN, "Opinnäytetyö: niittyjen hoitomenetelmät", "Vertaile niittämisen ajankohtia ja menetelmiä Espoon maisemaniityillä ja arvioi niiden vaikutusta lajistoon.", "opinnäytetyö;niityt;luonto", "biodiversity park")
add("fi+en", T, GREEN, "Diplomityö: kaupunkipuiden latvuspeitto ja ilmastonkestävyys", "Tutki kaupunkipuuston latvuspeittävyyttä kaukokartoitusaineistoilla ja ehdota tavoitteita puiden lisäämiselle.", "diplomityö;puusto", "trees climate gis")
add("fi", I, GREEN, "Viheralueiden ylläpidon harjoittelija", "Harjoittelussa osallistut puistojen hoitoluokituksen päivittämiseen, urakoiden laadunvalvontaan ja asukaspalautteisiin vastaamiseen.", "harjoittelu;viheralueet", "park customer")
add("sv+fi", S, GREEN, "Sommarjobb i parkerna", "Vi söker sommarjobbare för att sköta parker, rabatter och gräsmattor i Esbo. Arbetet sker utomhus i lag.", "sommarjobb;parker", "park")
add("fi", I, GREEN, "Arboristiharjoittelu", "Harjoittelija osallistuu katu- ja puistopuiden kuntotarkastuksiin, vaarallisten puiden arviointiin ja kaatolupien valmisteluun.", "harjoittelu;puut", "trees safety")
add("fi+sv+en", T, GREEN, "Opinnäytetyö: asukastalkoiden tuotteistaminen", "Opinnäytetyössä suunnitellaan, miten puistotalkoot ja muu vapaaehtoistoiminta voidaan tuotteistaa asukkaille helposti lähestyttäväksi palveluksi.", "opinnäytetyö;talkoot;osallisuus", "participation park")
add("fi", S, GREEN, "Kesätyö: luontopolkujen kunnostus", "Kunnostat ulkoilureittejä ja luontopolkuja, uusit opasteita ja raivaat pusikoita yhdessä metsurien kanssa.", "kesätyö;ulkoilureitit", "park walking")
add("fi+en", I, GREEN, "Harjoittelu: monimuotoisuuskartoitus", "Harjoittelija kartoittaa lahopuita, kukkaniittyjä ja pölyttäjien elinympäristöjä puistoissa ja tuottaa aineiston paikkatietojärjestelmään.", "harjoittelu;monimuotoisuus", "biodiversity gis")
add("fi", T, GREEN, "Opinnäytetyö: leikkipaikkojen käyttäjätutkimus", "Selvitä havainnoimalla ja kyselyillä, miten lapset, nuoret ja perheet käyttävät Espoon leikkipaikkoja ja mitä uusia harrastusmuotoja niihin toivotaan.", "opinnäytetyö;leikkipaikat", "playground participation")
add("fi", S, GREEN, "Kesätyö: katupuiden kastelu", "Kastelet nuoria katupuita ja istutuksia kesän kuivina kausina ja raportoit puiden kunnosta.", "kesätyö;kastelu", "trees")
add("en+fi", T, GREEN, "Master's thesis: urban meadows and pollinators", "Study how converting lawns into meadows affects pollinators and maintenance costs in Espoo parks. Suitable for biology or landscape students.", "master's thesis;pollinators", "biodiversity park")
add("fi", I, GREEN, "Harjoittelija leikkipaikkojen peruskorjauksiin", "Osallistut leikkipaikkojen peruskorjausten suunnitteluun, asukaskyselyihin ja varusteiden valintaan.", "harjoittelu;leikkipaikat", "playground participation")
add("sv+fi", T, GREEN, "Examensarbete: stadsträd och skötsel", "Examensarbetet undersöker hur gatuträdens skötsel och beskärning kan planeras bättre med hjälp av trädregistret.", "examensarbete;träd", "trees asset")
add("fi+sv", S, GREEN, "Uimarantojen ja rantaraittien kesätyö", "Huolehdit uimarantojen ja rantaraittien siisteydestä, tyhjennät roska-astioita ja autat rantavarusteiden kunnossapidossa.", "kesätyö;rannat", "park cleaning")
add("fi+en", S, GREEN, "Kesätyö: puiden inventointi", "Inventoit katu- ja puistopuita mobiililaitteella: laji, runkoläpimitta ja kunto kirjataan puurekisteriin.", "kesätyö;puurekisteri", "trees data")
add("fi+sv", I, GREEN, "Puistosuunnittelun harjoittelija", "Harjoittelussa luonnostelet puistojen ja leikkipaikkojen kunnostuksia ja teet istutussuunnitelmia.", "harjoittelu;puistosuunnittelu", "park playground")
add("en+fi", S, GREEN, "Summer worker for parks and playgrounds", "Mow lawns, weed flower beds and check playground equipment as part of a park maintenance crew. Finnish or English.", "summer job;parks", "park playground")

# Kunnossapito
add("fi", S, MAINT, "Kadunhoidon kesätyöntekijä", "Kesätyössä osallistut katujen puhtaanapitoon, kuoppien paikkaukseen ja liikennemerkkien kunnostukseen.", "kesätyö;kadunhoito", "maintenance cleaning")
add("fi", T, MAINT, "Opinnäytetyö: talvikunnossapidon laatuvaatimukset pyöräteillä", "Opinnäytetyössä arvioidaan, täyttyvätkö pyöräteiden lumenpoiston ja liukkaudentorjunnan laatuvaatimukset, ja ehdotetaan muutoksia hoitoluokitukseen.", "opinnäytetyö;talvikunnossapito", "snow cycling")
add("fi+en", I, MAINT, "Kunnossapidon harjoittelu", "Harjoittelussa seuraat katujen kunnossapitourakoita, teet laatukierroksia ja käsittelet asukkaiden ilmoituksia.", "harjoittelu;kunnossapito", "maintenance customer")
add("fi", S, MAINT, "Kesätyö: katujen puhtaanapito", "Puhdistat katuja, aukioita ja pysäkkejä roskista ja hiekoitussepelistä keväästä syksyyn.", "kesätyö;puhtaanapito", "cleaning")
add("fi", T, MAINT, "Diplomityö: aurausreittien optimointi", "Diplomityössä kehitetään menetelmä auraus- ja hiekoitusreittien optimointiin GPS-seurantatiedon avulla.", "diplomityö;auraus;optimointi", "snow data")
add("sv+fi", I, MAINT, "Praktik inom vinterunderhåll", "Under praktiken följer du snöröjning och halkbekämpning i Esbo, kontrollerar kvaliteten och hjälper till med entreprenörsmöten.", "praktik;vinterunderhåll", "snow maintenance")
add("fi", S, MAINT, "Liikennemerkkien ja opasteiden kesätyö", "Kesätyössä kartoitat ja peset liikennemerkkejä, kirjaat vauriot ja päivität merkkirekisteriä.", "kesätyö;liikennemerkit", "asset safety")
add("fi+en", T, MAINT, "Opinnäytetyö: katuvalaistuksen energiatehokkuus", "Opinnäytetyössä arvioidaan LED-saneerausten energiansäästöä ja ohjausjärjestelmien mahdollisuuksia Espoon katuvalaistuksessa.", "opinnäytetyö;valaistus;energia", "lighting energy")
add("fi", I, MAINT, "Valaistuksen harjoittelija", "Harjoittelija osallistuu valaisimien kuntokartoitukseen, vikailmoitusten käsittelyyn ja valaistusurakan valvontaan.", "harjoittelu;valaisimet", "lighting")
add("fi", S, MAINT, "Kesätyöntekijä kunnossapidon asiakaspalveluun", "Vastaat asukkaiden palautteisiin katujen kunnosta, ohjaat ilmoituksia urakoitsijoille ja kirjaat toimenpiteet järjestelmään.", "kesätyö;palaute", "customer maintenance")
add("fi+sv", T, MAINT, "Opinnäytetyö: lumen vastaanottopaikkojen ympäristövaikutukset", "Tutki lumenkaatopaikkojen sulamisvesien laatua ja esitä ratkaisuja roskien ja haitta-aineiden hallintaan.", "opinnäytetyö;lumi", "snow stormwater")
add("en+fi", I, MAINT, "Traineeship in street asset management", "Help us build a condition register of streets, bridges and street furniture. You will inspect sites, use a mobile app and analyse condition data.", "traineeship;asset management", "asset data")
add("fi", S, MAINT, "Kesätyö: päällystevaurioiden kartoitus", "Kierrät katuja ja kirjaat asfalttivauriot, routavauriot ja kaivojen kansien painumat mobiilisovellukseen.", "kesätyö;päällysteet", "paving asset")
add("fi", T, MAINT, "Gradu: katupölyn vähentäminen keväällä", "Selvitä, miten hiekoitushiekan poisto ja katujen pesu ajoitetaan niin, että katupölyä syntyy mahdollisimman vähän.", "gradu;katupöly", "cleaning maintenance")
add("fi+en", S, MAINT, "Kesätyö: pyörätelineiden kartoitus", "Kartoitat pyörätelineiden kunnon ja käytön asemilla ja kouluilla sekä siivoat hylättyjä polkupyöriä.", "kesätyö;pyöräpysäköinti", "cycling parking")
add("sv+fi", T, MAINT, "Examensarbete: belysningens inverkan på trygghet", "Examensarbetet undersöker hur gatubelysningen påverkar upplevd trygghet på gång- och cykelvägar och hur belysningen kan ta hänsyn till naturvärden.", "examensarbete;belysning", "lighting safety biodiversity")
add("fi", I, MAINT, "Harjoittelija: kunnossapitoluokituksen päivitys", "Harjoittelija käy läpi jalankulku- ja pyöräväylien kunnossapitoluokat koulujen ja päiväkotien lähellä ja valmistelee muutosehdotukset.", "harjoittelu;hoitoluokat", "maintenance walking safety")
add("fi+sv+en", I, MAINT, "Kunnossapitoinsinöörin harjoittelija talvikaudelle", "Harjoittelu ajoittuu talveen: seuraat lumenpoistoa, liukkaudentorjuntaa ja lumen kuljetusta ja kirjaat laatupoikkeamat.", "harjoittelu;lumenpoisto", "snow maintenance")
add("fi+sv+en", S, MAINT, "Kesätyö: puistojen ja katujen roskahuolto", "Kesätyössä tyhjennät roska-astioita, keräät roskia ja raportoit ilkivallasta puistoissa ja aukioilla.", "kesätyö;roskat", "cleaning park")
add("fi+en", S, MAINT, "Kesätyö: valaistuskartoitus", "Kuljet iltaisin kaduilla ja puistoissa ja kirjaat pimeät valaisimet, vinot pylväät ja valaistuksen puutteet.", "kesätyö;valaistus", "lighting asset")
add("fi+en", T, MAINT, "Opinnäytetyö: lumitilanteen ennustaminen säädatalla", "Opinnäytetyössä hyödynnetään sää- ja tiesääasemien tietoja lumenpoiston ja hiekoituksen tarpeen ennustamiseen.", "opinnäytetyö;sääennusteet", "snow")

# Liikennesuunnittelu
add("fi", T, TRAFFIC, "Opinnäytetyö: liikenneonnettomuuksien analyysi", "Analysoi Espoon tieliikenneonnettomuuksia vuosilta 2018–2026 ja tunnista kohteet, joissa onnettomuuksia tapahtuu toistuvasti.", "opinnäytetyö;onnettomuudet", "safety data")
add("fi+en", I, TRAFFIC, "Liikennesuunnittelun harjoittelija", "Harjoittelussa teet liikennelaskentoja, piirrät liikennesuunnitelmien luonnoksia ja vastaat asukkaiden liikenneturvallisuusaloitteisiin.", "harjoittelu;liikennesuunnittelu", "traffic safety")
add("fi", S, TRAFFIC, "Kesätyö: liikennelaskennat", "Kesätyöntekijänä teet liikenne- ja pyörälaskentoja risteyksissä sekä käsittelet laskentalaitteiden aineistoja.", "kesätyö;liikennelaskenta", "traffic cycling data")
add("fi", T, TRAFFIC, "Diplomityö: joukkoliikenteen vaihtopysäkkien sujuvuus", "Tutki, miten kävely-yhteydet, pyöräpysäköinti ja opastus vaikuttavat matkaketjujen sujuvuuteen metro- ja raideasemilla.", "diplomityö;joukkoliikenne;matkaketjut", "transit walking")
add("sv+fi", I, TRAFFIC, "Praktikant inom trafikplanering", "Som praktikant arbetar du med trafikplaner, trafikräkningar och utredningar om trafiksäkerhet kring skolor.", "praktik;trafikplanering", "traffic safety")
add("fi+sv", T, TRAFFIC, "Opinnäytetyö: pysäköintipolitiikka asemanseuduilla", "Opinnäytetyössä selvitetään liityntä- ja asukaspysäköinnin kysyntää asemanseuduilla ja ehdotetaan hinnoittelu- ja aikarajoitusmalleja.", "opinnäytetyö;pysäköinti", "parking transit")
add("en+fi", T, TRAFFIC, "Master's thesis: traffic noise and speed limits", "Model how lowering speed limits on collector streets changes road traffic noise exposure in residential areas.", "master's thesis;noise", "noise traffic")
add("fi", I, TRAFFIC, "Harjoittelu: koulumatkojen turvallisuus", "Harjoittelija kartoittaa koulujen ympäristön vaarallisia kohtia yhdessä oppilaiden kanssa ja laatii parannusehdotuksia.", "harjoittelu;koulumatkat", "safety walking participation")
add("fi+en", S, TRAFFIC, "Kesätyö: pysäköinnin käyttöastekartoitus", "Kierrät kaduilla ja pysäköintialueilla laskemassa pysäköityjä autoja eri vuorokaudenaikoina.", "kesätyö;pysäköinti", "parking data")
add("fi", T, TRAFFIC, "Opinnäytetyö: liikennemallin hyödyntäminen asemakaavoissa", "Selvitä, miten seudullista liikennemallia voidaan käyttää asemakaava-alueiden liikenne-ennusteissa ja ruuhkien arvioinnissa.", "opinnäytetyö;liikennemalli", "traffic")
add("fi+sv+en", I, TRAFFIC, "Harjoittelija kestävän liikkumisen edistämiseen", "Harjoittelussa suunnittelet kampanjoita kävelyn ja pyöräilyn lisäämiseksi ja autat liikkumisen ohjauksen tapahtumissa.", "harjoittelu;kestävä liikkuminen", "cycling walking communication")
add("fi", S, TRAFFIC, "Liikenneturvallisuuskesätyö", "Kesätyössä kuvaat ja arvioit suojateitä, hidasteita ja näkemäalueita sekä kokoat asukkaiden turvallisuuspalautteet.", "kesätyö;liikenneturvallisuus", "safety customer")
add("fi", T, TRAFFIC, "Opinnäytetyö: sähköautojen latausinfran sijoittaminen", "Opinnäytetyössä laaditaan periaatteet julkisten latauspisteiden sijoittamiselle kaduille ja pysäköintialueille.", "opinnäytetyö;latausinfra", "energy parking")
add("sv+fi", T, TRAFFIC, "Examensarbete: cykelparkering vid stationer", "Examensarbetet kartlägger behovet av cykelparkering vid metro- och tågstationer och föreslår lösningar.", "examensarbete;cykelparkering", "cycling parking transit")
add("en+fi", I, TRAFFIC, "Transport planning intern", "Join the traffic planning team to work on junction designs, traffic signal timing and public transport priority. Working language English or Finnish.", "internship;transport planning", "traffic transit")
add("fi", S, TRAFFIC, "Kesätyö: joukkoliikennepysäkkien kartoitus", "Käyt läpi bussipysäkit, kirjaat katokset, penkit ja esteettömyyden puutteet sekä kuvaat pysäkit.", "kesätyö;pysäkit", "transit accessibility")
add("fi+en", T, TRAFFIC, "Diplomityö: liikennevalojen älykäs ohjaus", "Diplomityössä tutkitaan, miten liikennevaloja voidaan ohjata ilmaisintiedon ja tekoälyn avulla niin, että pyöräily ja joukkoliikenne sujuvat.", "diplomityö;liikennevalot", "traffic data")
add("fi+sv", S, TRAFFIC, "Kesätyö liikennesuunnittelun tiimissä", "Kesätyöntekijä tekee liikennelaskentoja, päivittää liikennemerkkipäätöksiä ja avustaa liikennesuunnitelmien laatimisessa.", "kesätyö;liikenne", "traffic")
add("fi", I, TRAFFIC, "Melu- ja ilmanlaatuharjoittelija", "Harjoittelussa päivität liikennemelun selvityksiä, teet melumittauksia ja kokoat tietoa meluesteiden tarpeesta.", "harjoittelu;melu", "noise")
add("sv+fi", S, TRAFFIC, "Sommarjobb: trafikräkningar", "Du räknar bilar, cyklar och fotgängare i korsningar och matar in data i systemet.", "sommarjobb;trafikräkning", "traffic cycling data")
add("fi+sv+en", T, TRAFFIC, "Diplomityö: kävely-ympäristön laatu", "Kehitä mittaristo kävely-ympäristön laadulle ja testaa sitä Espoon kaupunkikeskuksissa.", "diplomityö;kävely", "walking accessibility")
add("en+fi", T, TRAFFIC, "Master's thesis: safe routes to school", "Develop indicators and statistics for the safety of children's journeys to school in Espoo and test them in two school areas.", "master's thesis;school routes", "safety walking")

# Kaupunkimittaus
add("fi", S, SURVEY, "Mittausapulainen kesäksi", "Kesätyössä toimit maastomittausryhmässä takymetrin ja GNSS-laitteen kanssa ja merkitset rakennusten paikkoja maastoon.", "kesätyö;mittaus", "survey")
add("fi+en", I, SURVEY, "Kaupunkimittauksen harjoittelija", "Harjoittelija tekee kartoitus- ja merkintämittauksia sekä käsittelee mittausaineistoja toimistolla. Englanninkieliset hakijat ovat tervetulleita.", "harjoittelu;kaupunkimittaus", "survey")
add("fi+en", T, SURVEY, "Diplomityö: laserkeilausaineiston automaattinen luokittelu", "Diplomityössä kehitetään koneoppimismenetelmä, joka luokittelee mobiililaserkeilauksen pistepilvestä katualueen kohteet.", "diplomityö;laserkeilaus;pistepilvi", "survey bim")
add("fi", T, SURVEY, "Opinnäytetyö: kiinteistönmuodostuksen prosessit", "Opinnäytetyössä kuvataan ja kehitetään tonttijaon ja lohkomisen prosessia asiakkaan näkökulmasta.", "opinnäytetyö;kiinteistönmuodostus", "mapping customer")
add("sv+fi", S, SURVEY, "Sommarjobb som mätbiträde", "Du arbetar i en mätgrupp ute i terrängen och lär dig använda totalstation och GNSS-mottagare.", "sommarjobb;mätning", "survey")
add("fi+en", I, SURVEY, "Kaupunkitietomallin harjoittelija", "Harjoittelija päivittää Espoon 3D-kaupunkimallia, mallintaa rakennuksia ja tarkistaa mallin laatua.", "harjoittelu;3D-malli", "bim gis")
add("fi", S, SURVEY, "Kesätyö: kantakartan ajantasaistus", "Tarkistat kantakartan kohteita maastossa ja päivität muutokset paikkatietojärjestelmään.", "kesätyö;kantakartta", "mapping gis")
add("fi+sv", T, SURVEY, "Opinnäytetyö: paikkatietoaineistojen ajantasaisuus", "Selvitä, miten paikkatietoaineistojen ajantasaisuutta voidaan mitata ja raportoida niin, että enintään viisi prosenttia aineistoista on yli kaksi vuotta vanhaa.", "opinnäytetyö;paikkatieto", "gis")
add("en+fi", T, SURVEY, "Master's thesis: drone photogrammetry for street surveys", "Evaluate the accuracy of drone photogrammetry compared with conventional surveying on street construction sites.", "master's thesis;drones;photogrammetry", "survey worksite")
add("fi", I, SURVEY, "Harjoittelu osoite- ja karttapalveluissa", "Harjoittelussa ylläpidät osoitteistoa ja opaskarttaa sekä vastaat karttatilauksiin.", "harjoittelu;osoitteet;kartat", "mapping customer")
add("fi", T, SURVEY, "Opinnäytetyö: GNSS-mittausten tarkkuus kaupunkiympäristössä", "Opinnäytetyössä testataan RTK-mittausten tarkkuutta korkeiden rakennusten ja puuston katveessa.", "opinnäytetyö;GNSS", "survey")
add("fi+sv+en", S, SURVEY, "Kesätyö: kaupunkimallin kuvaus ja tarkistus", "Kuvaat katualueita 360-kameralla ja tarkistat kaupunkitietomallin kohteita maastossa.", "kesätyö;kaupunkimalli", "bim survey")
add("fi", I, SURVEY, "Harjoittelija maanmittaustoimituksiin", "Osallistut tonttien lohkomisiin, rajankäynteihin ja toimituskokouksiin kiinteistöinsinöörin apuna.", "harjoittelu;toimitukset", "mapping")
add("fi+en", T, SURVEY, "Opinnäytetyö: kaupunkitietomallin käyttö katusuunnittelussa", "Tutki, miten kaupunkitietomallia voidaan hyödyntää katusuunnittelun lähtötietona ja suunnitelmien esittämisessä asukkaille.", "opinnäytetyö;tietomalli", "bim streetplan")
add("sv+fi", I, SURVEY, "Praktik inom kartläggning och geodata", "Som praktikant uppdaterar du baskartan och andra geodata och hjälper till med kartbeställningar.", "praktik;geodata", "mapping gis")
add("fi", S, SURVEY, "Kesätyöntekijä kiintopisteiden tarkastukseen", "Kesän aikana tarkastat ja kunnostat korkeus- ja tasokiintopisteitä eri puolilla Espoota.", "kesätyö;kiintopisteet", "survey")
add("en+fi", S, SURVEY, "Summer job: survey assistant", "Work in a survey crew measuring streets, pipes and building sites with GNSS and total stations. English-speaking applicants welcome.", "summer job;surveying", "survey")
add("sv+fi", T, SURVEY, "Examensarbete: laserskanning av gator", "Utvärdera mobil laserskanning för inventering av gatumiljön och jämför med traditionell mätning.", "examensarbete;laserskanning", "survey bim")

# Geotekniikka
add("fi", S, GEO, "Pohjatutkimusten kesätyöntekijä", "Kesätyössä olet mukana kairausryhmässä, otat maanäytteitä ja kirjaat tutkimustuloksia.", "kesätyö;pohjatutkimus", "soil")
add("fi", T, GEO, "Diplomityö: savikerrosten painumat katualueilla", "Diplomityössä analysoidaan pehmeikköalueiden katujen painumamittauksia ja verrataan niitä laskennallisiin ennusteisiin.", "diplomityö;painumat;savi", "soil asset")
add("fi+en", I, GEO, "Geoteknikon harjoittelija", "Harjoittelija laatii pohjatutkimusten tulkintoja, piirtää leikkauksia ja osallistuu maastotutkimuksiin.", "harjoittelu;geotekniikka", "soil")
add("en+fi", T, GEO, "Master's thesis: low-carbon ground stabilisation", "Study binders with a smaller carbon footprint for mass and column stabilisation of soft clay in Espoo.", "master's thesis;stabilisation", "soil climate")
add("fi", T, GEO, "Opinnäytetyö: pohjavedenpinnan seuranta", "Kokoa ja analysoi pohjavesiputkien mittaustuloksia ja arvioi rakentamisen vaikutusta pohjaveden korkeuteen.", "opinnäytetyö;pohjavesi", "soil")
add("sv+fi", I, GEO, "Praktik inom geoteknik", "Under praktiken deltar du i markundersökningar, tolkar sonderingar och ritar geotekniska profiler.", "praktik;geoteknik", "soil")
add("fi", S, GEO, "Kesätyö: maaperätietojen digitointi", "Siirrät vanhoja pohjatutkimuskarttoja ja kairauspöytäkirjoja sähköiseen maaperätietokantaan.", "kesätyö;maaperä;digitointi", "soil data")
add("fi+sv", T, GEO, "Opinnäytetyö: ylijäämämassojen välivarastointi", "Opinnäytetyössä etsitään paikkatietoanalyysillä sopivia alueita ylijäämämaiden välivarastoinnille ja arvioidaan kuljetusmatkojen päästöjä.", "opinnäytetyö;maamassat", "circular gis climate")
add("fi", I, GEO, "Harjoittelu: pilaantuneet maat", "Harjoittelija osallistuu pilaantuneiden maiden tutkimuksiin, näytteenottoon ja kunnostussuunnitelmien laatimiseen.", "harjoittelu;pilaantuneet maat", "soil")
add("fi+en", S, GEO, "Kesätyö: tärinä- ja painumamittaukset", "Asennat ja luet tärinämittareita sekä painumapultteja rakennustyömaiden lähellä.", "kesätyö;tärinä", "soil worksite")
add("fi", T, GEO, "Diplomityö: kallionpinnan mallinnus", "Diplomityössä laaditaan kairaustietoihin ja maatutkaluotauksiin perustuva kallionpintamalli ja arvioidaan sen epävarmuutta.", "diplomityö;kallio;mallinnus", "soil bim")
add("fi+sv+en", I, GEO, "Harjoittelija maamassojen hallintaan", "Harjoittelussa seuraat maamassojen kuljetuksia ja kierrätystä työmailta toisille ja päivität massakoordinaation tietoja.", "harjoittelu;massakoordinaatio", "circular")
add("fi", S, GEO, "Geotekniikan kesätyö: näytteiden käsittely", "Käsittelet laboratoriossa maanäytteitä, teet rakeisuus- ja vesipitoisuusmäärityksiä ja raportoit tulokset.", "kesätyö;laboratorio", "soil")
add("en+fi", I, GEO, "Geotechnical engineering intern", "Work with our geotechnical engineers on soil investigations, slope stability calculations and foundation design for bridges.", "internship;geotechnics", "soil bridge")

# Datapalvelut
add("fi", T, DATA, "Opinnäytetyö: tekoäly asukaspalautteiden luokittelussa", "Opinnäytetyössä kokeillaan kielimallia asukaspalautteiden automaattiseen luokitteluun ja ohjaamiseen oikealle käsittelijälle.", "opinnäytetyö;tekoäly;palautteet", "data customer")
add("fi+en", I, DATA, "Data-analyytikkoharjoittelija", "Harjoittelussa rakennat raportteja ja koontinäkymiä kunnossapidon ja rakennuttamisen tiedoista Power BI:llä.", "harjoittelu;data-analytiikka", "data")
add("en+fi", T, DATA, "Master's thesis: open data from the street register", "Design how the street and park register could be published as open data and what its users need from it.", "master's thesis;open data", "data asset")
add("fi", S, DATA, "Kesätyö: tietojen laadun tarkistus", "Kesätyöntekijä tarkistaa ja korjaa katu- ja viheraluerekisterin tietoja sekä yhtenäistää nimikkeitä.", "kesätyö;tietojen laatu", "data asset")
add("fi+sv", I, DATA, "Paikkatietoharjoittelija", "Harjoittelija tekee paikkatietoanalyysejä ja karttoja QGIS:llä sekä automatisoi aineistojen päivityksiä Pythonilla.", "harjoittelu;paikkatieto;QGIS", "gis data")
add("fi", T, DATA, "Diplomityö: infraomaisuuden korjausvelan ennustaminen", "Diplomityössä rakennetaan malli, joka ennustaa katujen ja siltojen korjausvelan kehitystä kuntotietojen ja budjettiskenaarioiden perusteella.", "diplomityö;korjausvelka", "asset data bridge")
add("en+fi", I, DATA, "Software development intern", "Help develop the city's internal map and maintenance applications with Python and JavaScript. Our team works in English.", "internship;software", "data gis")
add("fi", S, DATA, "Kesätyö: kaupunkitekniikan tietopalvelu", "Vastaat sisäisiin tietopyyntöihin, haet aineistoja järjestelmistä ja kokoat tilastoja.", "kesätyö;tietopalvelu", "data customer")
add("sv+fi", T, DATA, "Examensarbete: visualisering av trafikdata", "Examensarbetet utvecklar en interaktiv visualisering av trafikräkningar och cykelflöden för invånarna.", "examensarbete;visualisering", "data traffic cycling")
add("fi+en", T, DATA, "Opinnäytetyö: digitaalinen kaksonen hulevesien hallintaan", "Selvitä, miten kaupunkitietomalliin ja sensoreihin perustuva digitaalinen kaksonen voisi ennustaa hulevesitulvia.", "opinnäytetyö;digitaalinen kaksonen", "bim stormwater data")
add("fi", I, DATA, "Harjoittelu: tiedonhallinta ja arkisto", "Harjoittelussa kehität suunnitelma-aineistojen tiedonhallintaa, metatietoja ja löydettävyyttä.", "harjoittelu;tiedonhallinta", "data")
add("fi+sv+en", S, DATA, "Kesätyö: avoimen datan julkaisu", "Valmistelet kaupunkitekniikan aineistoja avoimeksi dataksi, kirjoitat kuvaukset ja tarkistat lisenssit.", "kesätyö;avoin data", "data communication")
add("fi", T, DATA, "Opinnäytetyö: tietoturvallinen tekoäly asiantuntijatyössä", "Tutki, miten tekoälyavustajia voidaan käyttää turvallisesti suunnitelmien ja asiakirjojen haussa kaupunkiorganisaatiossa.", "opinnäytetyö;tekoäly;tietoturva", "data")

# Hallinto ja asiakaspalvelu
add("fi", S, ADMIN, "Asiakaspalvelun kesätyöntekijä", "Palvelet asiakkaita puhelimessa ja sähköpostitse katu- ja puistoasioissa sekä neuvot lupa-asioissa.", "kesätyö;asiakaspalvelu", "customer")
add("fi+sv", S, ADMIN, "Kesätyö: viestinnän assistentti", "Kirjoitat tiedotteita ja somepäivityksiä työmaista ja liikennejärjestelyistä sekä kuvaat kohteita.", "kesätyö;viestintä;some", "communication worksite")
add("fi", I, ADMIN, "Viestintäharjoittelija", "Harjoittelussa tuotat verkkosivujen sisältöjä, videoita ja uutiskirjeitä kaupunkitekniikan hankkeista.", "harjoittelu;viestintä", "communication")
add("fi+en", T, ADMIN, "Opinnäytetyö: asukasosallistumisen menetelmät infrahankkeissa", "Vertaa asukastilaisuuksia, karttakyselyjä ja verkkokommentointia infrahankkeiden osallistamisessa.", "opinnäytetyö;osallistaminen", "participation communication")
add("sv+fi", S, ADMIN, "Sommarjobb inom kundservice", "Du svarar på invånarnas frågor om gator, parker och snöröjning på svenska och finska.", "sommarjobb;kundtjänst", "customer")
add("fi", I, ADMIN, "Harjoittelija katulupien käsittelyyn", "Harjoittelija käsittelee kaivulupia ja tilapäisiä liikennejärjestelylupia sekä neuvoo hakijoita.", "harjoittelu;luvat", "worksite customer")
add("fi", T, ADMIN, "Opinnäytetyö: nuorten osallistaminen kaupunkiympäristön suunnitteluun", "Opinnäytetyössä kehitetään malli, jolla nuorisovaltuusto ja koululaiset otetaan mukaan puisto- ja katuhankkeiden suunnitteluun.", "opinnäytetyö;nuoret;osallisuus", "participation")
add("en+fi", I, ADMIN, "Communications trainee", "Create stories, photos and social media posts about Espoo's streets and parks for international residents. Good English is needed, Finnish is a plus.", "traineeship;communications", "communication")
add("fi", S, ADMIN, "Kesätyö: avajaisten ja talkoiden järjestäminen", "Kesätyössä järjestät uusien puistojen avajaisia ja asukastalkoita yhdessä asukasyhdistysten kanssa.", "kesätyö;tapahtumat;talkoot", "participation park")
add("fi+sv", T, ADMIN, "Opinnäytetyö: hankintojen vastuullisuuskriteerit", "Tutki, miten sosiaalisia ja ympäristökriteerejä voidaan käyttää kaupunkitekniikan palveluhankinnoissa.", "opinnäytetyö;vastuullisuus;hankinnat", "procurement climate")
add("fi+en", I, ADMIN, "Hallinnon harjoittelija", "Harjoittelija avustaa talouden seurannassa, laskujen käsittelyssä ja hankintapäätösten valmistelussa.", "harjoittelu;talous;hallinto", "procurement")
add("fi+en", S, ADMIN, "Kesätyö: asiakaskyselyn toteutus", "Haastattelet asukkaita puistoissa ja kaduilla tyytyväisyydestä kaupunkitekniikan palveluihin ja kokoat vastaukset.", "kesätyö;kysely", "customer participation")
add("fi", T, ADMIN, "Opinnäytetyö: asiakaspalvelukanavien kehittäminen", "Opinnäytetyössä arvioidaan palautejärjestelmän, puhelinpalvelun ja chatin toimivuutta ja ehdotetaan parannuksia.", "opinnäytetyö;asiakaskokemus", "customer")
add("fi+sv+en", I, ADMIN, "Harjoittelu: saavutettava viestintä", "Harjoittelussa teet kaupunkitekniikan verkkopalveluista ja tiedotteista saavutettavampia ja selkokielisempiä.", "harjoittelu;saavutettavuus", "communication accessibility")

# Ympäristö ja hulevedet
add("fi", S, ENV, "Hulevesien kesätyöntekijä", "Kesätyössä tarkastat hulevesikaivoja, ojia ja viivytysaltaita ja otat vesinäytteitä.", "kesätyö;hulevedet", "stormwater")
add("fi", T, ENV, "Diplomityö: hulevesitulvien riskikartoitus", "Diplomityössä mallinnetaan rankkasateiden aiheuttamia hulevesitulvia ja tunnistetaan riskialueet.", "diplomityö;tulvat;mallinnus", "stormwater gis")
add("fi+en", I, ENV, "Ympäristöharjoittelija", "Harjoittelussa osallistut purovesien laadun seurantaan, hulevesiohjelman toimenpiteisiin ja ympäristöselvityksiin.", "harjoittelu;ympäristö;vesistöt", "stormwater biodiversity")
add("sv+fi", T, ENV, "Examensarbete om buller i parker", "Examensarbetet undersöker hur trafikbuller påverkar upplevelsen av parker och tysta områden i Esbo.", "examensarbete;buller", "noise park")
add("fi", S, ENV, "Kesätyö: meluseuranta", "Teet ympäristömelun mittauksia työmailla ja liikenneväylien varsilla ja raportoit tulokset.", "kesätyö;melumittaus", "noise")
add("en+fi", T, ENV, "Master's thesis: carbon footprint of street maintenance", "Calculate the carbon footprint of winter and summer street maintenance and propose ways to cut emissions.", "master's thesis;carbon footprint", "climate maintenance snow")
add("fi+sv", I, ENV, "Harjoittelija ilmastotyöhön", "Harjoittelija laskee infrahankkeiden hiilijalanjälkiä ja kokoaa keinoja vähähiiliseen rakentamiseen.", "harjoittelu;ilmasto;hiilijalanjälki", "climate")
add("fi", T, ENV, "Opinnäytetyö: purojen kunnostus ja kalojen kulku", "Opinnäytetyössä suunnitellaan kaupunkipurojen kunnostuksia ja arvioidaan taimenen kutupaikkojen tilaa.", "opinnäytetyö;purot;taimen", "biodiversity stormwater")
add("fi+en", S, ENV, "Kesätyö: vesinäytteet ja purojen seuranta", "Otat vesinäytteitä puroista ja hulevesien purkupaikoilta ja mittaat sameutta ja virtaamaa.", "kesätyö;vesinäytteet", "stormwater")
add("fi", I, ENV, "Harjoittelu: energiatehokkuus ja aurinkosähkö", "Harjoittelussa selvität aurinkopaneelien ja energiatehokkaiden laitteiden käyttöä kaupunkitekniikan kohteissa.", "harjoittelu;energia", "energy climate")
add("fi+sv+en", T, ENV, "Opinnäytetyö: viherkatot ja hulevedet", "Tutki viherkattojen ja -seinien vaikutusta hulevesien määrään ja laatuun kaupungin kiinteistöillä.", "opinnäytetyö;viherkatot", "stormwater climate")
add("sv+fi", S, ENV, "Sommarjobb: miljöövervakning", "Du hjälper till med provtagning i bäckar och dagvattendammar och rapporterar resultaten.", "sommarjobb;miljö;vattenprover", "stormwater biodiversity")
add("fi", T, ENV, "Gradu: melusuojauksen vaikuttavuus", "Gradussa arvioidaan meluesteiden ja hiljaisten päällysteiden vaikutusta asukkaiden melualtistukseen.", "gradu;meluesteet", "noise paving")
add("fi+en", T, ENV, "Diplomityö: kaupunkitekniikan energiankulutuksen seuranta", "Rakennat mallin, jolla katuvalojen, pumppaamoiden ja liikennevalojen energiankulutusta seurataan ja ennustetaan.", "diplomityö;energiankulutus", "energy lighting")
add("fi", S, ENV, "Kesätyö: luontokartoitukset", "Kartoitat lepakoita, lintuja ja arvokkaita kasvillisuuskohteita ennen rakentamista yhdessä ympäristöasiantuntijan kanssa.", "kesätyö;luontokartoitus", "biodiversity")
add("en+fi", I, ENV, "Environmental intern: stormwater and climate adaptation", "Support our stormwater team with climate adaptation studies, rain garden monitoring and flood mapping.", "internship;stormwater", "stormwater climate")

# Queries: (language, text as typed, kinds meant or None, topics meant)
GROUPS = {
    "1 compounds": [
        ("fi", "kunnossapitoharjoitteluun", [I], "maintenance snow"),
        ("fi", "katusuunnitteluharjoittelu", [I], "streetplan"),
        ("fi", "puistokesätyö", [S], "park"),
        ("fi", "hulevesi suunnittelu", [T, I], "stormwater"),
        ("fi", "silta tarkastus", None, "bridge"),
        ("fi", "liikenne turvallisuus", [T], "safety"),
        ("fi", "katuvalaistusharjoittelu", [I], "lighting"),
        ("fi", "vieraslaji torjunta", [S], "biodiversity"),
        ("fi", "pohjatutkimuskesätyö", [S], "soil"),
        ("fi", "leikkipaikkasuunnittelu", None, "playground"),
        ("fi", "kaupunki mittaus harjoittelu", [I], "survey mapping"),
        ("fi", "talvi kunnossapito", None, "snow"),
        ("fi", "paikkatieto harjoittelija", [I], "gis"),
        ("fi", "maamassa kierrätys", None, "circular"),
        ("fi", "liikennelaskentakesätyö", [S], "traffic"),
        ("fi", "asiakaspalvelukesätyöhön", [S], "customer"),
        ("fi", "katupuukastelu", [S], "trees"),
        ("fi", "melumittausharjoittelu", [I], "noise"),
        ("fi", "3d-kaupunkimalli", None, "bim"),
    ],
    "2 inflections": [
        ("fi", "liikennesuunnittelijaksi", [I, S], "traffic"),
        ("fi", "mittaajana kesällä", [S], "survey"),
        ("fi", "kesätöitä puistoissa", [S], "park"),
        ("fi", "harjoittelupaikkoja geotekniikassa", [I], "soil"),
        ("fi", "opinnäytetöitä hulevesistä", [T], "stormwater"),
        ("fi", "lumitöihin", None, "snow"),
        ("fi", "pyöräilyn edistäminen", [T, I], "cycling"),
        ("fi", "viestinnän harjoittelijaksi", [I], "communication"),
        ("fi", "maastomittaukset", None, "survey"),
        ("fi", "puiden hoitaminen", None, "trees"),
        ("fi", "data-analyytikoksi", [I], "data"),
        ("fi", "valaistuksen suunnittelua", None, "lighting"),
        ("fi", "kiinteistöjen muodostaminen", None, "mapping"),
        ("fi", "ilmastonmuutoksen hillintä", [T], "climate"),
        ("fi", "leikkipuistoihin", [S], "playground"),
        ("fi", "hankintoja", None, "procurement"),
        ("fi", "melun mittaaminen", None, "noise"),
        ("fi", "osallistamisesta gradu", [T], "participation"),
        ("fi", "siltojen korjaaminen", None, "bridge"),
        ("fi", "katujen kunnossapitäjäksi", [S, I], "maintenance"),
        ("fi", "pilaantuneiden maiden", [I], "soil"),
    ],
    "3 colloquial": [
        ("fi", "oppari liikenne", [T], "traffic safety"),
        ("fi", "gradu puistot", [T], "park biodiversity"),
        ("fi", "dippa geotekniikka", [T], "soil"),
        ("fi", "kesäduuni puistossa", [S], "park"),
        ("fi", "kesäjobi mittaus", [S], "survey"),
        ("fi", "harkka paikkatieto", [I], "gis"),
        ("fi", "harkkapaikka liikenne", [I], "traffic"),
        ("fi", "oppari tekoäly", [T], "data"),
        ("fi", "dippa silta", [T], "bridge"),
        ("fi", "gradu ilmasto", [T], "climate"),
        ("fi", "kesäkeikka viestintä", [S], "communication"),
        ("fi", "opparin aihe hulevesi", [T], "stormwater"),
        ("fi", "dippa liikennevalot", [T], "traffic"),
        ("fi", "harkkaa työmaalle", [I], "worksite"),
        ("fi", "kesäduuni asiakaspalvelu", [S], "customer"),
        ("fi", "lopputyö melu", [T], "noise"),
        ("fi", "amk oppari pyöräily", [T], "cycling"),
        ("en", "summer gig parks", [S], "park"),
        ("en", "msc thesis soil", [T], "soil"),
    ],
    "4 synonyms": [
        ("fi", "auraus", None, "snow"),
        ("fi", "katuvalot", None, "lighting"),
        ("fi", "ulkovalaistus", None, "lighting"),
        ("fi", "sadevesi", [T], "stormwater"),
        ("fi", "talvihoito", None, "snow"),
        ("fi", "maanmittari", [S], "survey mapping"),
        ("fi", "roskien keruu", None, "cleaning"),
        ("fi", "bussit", None, "transit"),
        ("fi", "autopaikat", None, "parking"),
        ("fi", "kaupunkiluonto", None, "biodiversity"),
        ("fi", "kiinteistörekisteri", None, "mapping"),
        ("fi", "pohjarakentaminen", [T], "soil"),
        ("fi", "asfaltointi", None, "paving"),
        ("fi", "nurmikon leikkuu", [S], "park"),
        ("fi", "keinut", None, "playground"),
        ("fi", "hiilipäästöt", [I, S], "climate"),
        ("fi", "kolarit", [T], "safety"),
        ("fi", "asukaspalaute", [T], "customer"),
        ("sv", "snöplogning", None, "snow"),
        ("sv", "gatlyktor", None, "lighting"),
    ],
    "5 swedish": [
        ("sv", "sommararbete i parker", [S], "park"),
        ("sv", "praktikplats trafikplanering", [I], "traffic"),
        ("sv", "trafikplanering", None, "traffic"),
        ("sv", "praktiken inom geotekniken", [I], "soil"),
        ("sv", "examensarbeten om dagvatten", [T], "stormwater"),
        ("sv", "sommarjobbet mätning", [S], "survey"),
        ("sv", "praktikanter upphandling", [I], "procurement"),
        ("sv", "gatubelysningen", None, "lighting"),
        ("sv", "cykelvägarna", None, "cycling"),
        ("sv", "stadsträden", None, "trees"),
        ("sv", "bullret", None, "noise"),
        ("sv", "kundtjänsten", None, "customer"),
        ("sv", "miljöövervakningen", None, "stormwater biodiversity"),
        ("sv", "geodatapraktik", [I], "gis mapping"),
        ("sv", "byggarbetsplatser", None, "worksite"),
        ("sv", "lekparkerna", None, "playground"),
        ("sv", "kollektivtrafiken", None, "transit"),
        ("sv", "klimatarbete", None, "climate"),
        ("sv", "vinterunderhållet", None, "snow maintenance"),
    ],
    "6 english kinds": [
        ("en", "work placement data", [I], "data"),
        ("en", "summer internship surveying", [S, I], "survey"),
        ("en", "master's thesis climate", [T], "climate"),
        ("en", "trainee construction site", [I], "worksite"),
        ("en", "field worker", [S], "park survey soil"),
        ("en", "bachelor's thesis traffic", [T], "traffic"),
        ("en", "intern geotechnics", [I], "soil"),
        ("en", "summer trainee communications", [S], "communication"),
        ("en", "surveyor trainee", [I], "survey"),
        ("en", "graduate trainee procurement", [I], "procurement"),
        ("en", "internship environment", [I], "stormwater climate biodiversity noise"),
        ("en", "park worker summer", [S], "park"),
        ("en", "thesis position stormwater", [T], "stormwater"),
        ("en", "developer intern", [I], "data"),
        ("en", "snow clearing trainee", [I], "snow"),
        ("en", "research assistant noise", [T, I], "noise"),
        ("en", "planning intern", [I], "streetplan traffic"),
        ("en", "summer employee customer service", [S], "customer"),
        ("en", "final thesis lighting", [T], "lighting"),
    ],
    "7 open to en/sv": [
        ("en", "cycling junctions", None, "cycling"),
        ("en", "3d city model", None, "bim"),
        ("en", "street lighting energy", None, "lighting energy"),
        ("en", "tree canopy", None, "trees"),
        ("en", "resident participation", None, "participation"),
        ("en", "parking survey", None, "parking"),
        ("en", "laser scanning", None, "survey"),
        ("en", "flood risk", None, "stormwater"),
        ("en", "ground vibration", None, "soil"),
        ("sv", "cykelparkering", None, "cycling parking"),
        ("sv", "lekplatsinspektör", [S], "playground"),
        ("sv", "stränder sommarjobb", [S], "park cleaning"),
        ("sv", "upphandlingskriterier", [T], "procurement"),
        ("sv", "hållbar mobilitet", None, "cycling walking"),
        ("sv", "snöupplag", None, "snow"),
        ("sv", "kommunikation sommarjobb", [S], "communication"),
        ("sv", "geodata aktualitet", None, "gis"),
        ("sv", "markmassor", None, "circular"),
    ],
    "8 one word": [
        ("fi", "melu", None, "noise"),
        ("fi", "sillat", None, "bridge"),
        ("fi", "pysäköinti", None, "parking"),
        ("fi", "esteettömyys", None, "accessibility"),
        ("fi", "valaistus", None, "lighting"),
        ("fi", "leikkipaikat", None, "playground"),
        ("fi", "vieraslajit", None, "biodiversity"),
        ("fi", "osallisuus", None, "participation"),
        ("fi", "kiertotalous", None, "circular"),
        ("fi", "päällysteet", None, "paving"),
        ("fi", "energia", None, "energy"),
        ("sv", "cykel", None, "cycling"),
        ("sv", "broar", None, "bridge"),
        ("sv", "träd", None, "trees"),
        ("sv", "parkering", None, "parking"),
        ("en", "bridges", None, "bridge"),
        ("en", "noise", None, "noise"),
        ("en", "parks", None, "park"),
        ("en", "drones", None, "survey"),
    ],
    "9 kind + topic": [
        ("fi", "kesätyö puisto", [S], "park"),
        ("fi", "opinnäytetyö liikenneturvallisuus", [T], "safety"),
        ("fi", "harjoittelu hankinnat", [I], "procurement"),
        ("fi", "diplomityö laserkeilaus", [T], "survey"),
        ("fi", "harjoittelu viheralueet", [I], "park"),
        ("fi", "opinnäytetyö pysäköinti", [T], "parking"),
        ("fi", "kesätyö kartat", [S], "mapping gis"),
        ("fi", "gradu avoin data", [T], "data"),
        ("fi", "harjoittelu melu", [I], "noise"),
        ("fi", "kesätyö vesinäytteet", [S], "stormwater"),
        ("fi", "opinnäytetyö leikkipaikat", [T], "playground"),
        ("fi", "harjoittelu ilmasto", [I], "climate"),
        ("fi", "kesätyö viestintä", [S], "communication"),
        ("fi", "opinnäytetyö talvikunnossapito", [T], "snow"),
        ("sv", "praktik trafik", [I], "traffic"),
        ("sv", "examensarbete buller", [T], "noise"),
        ("sv", "sommarjobb kundtjänst", [S], "customer"),
        ("en", "thesis traffic safety", [T], "safety"),
        ("en", "internship stormwater", [I], "stormwater"),
        ("en", "summer job surveying", [S], "survey"),
    ],
}
QUERIES = [query for group in GROUPS.values() for query in group]

if __name__ == "__main__":
    write_set(HERE, "bl", OPENINGS, QUERIES)
    languages = Counter(language for language, *_ in QUERIES)
    print(f"{len(OPENINGS)} openings, {len(QUERIES)} queries ("
          + ", ".join(f"{code} {languages[code]}" for code in ("fi", "sv", "en")) + ")")
    print("groups: " + ", ".join(f"{name} {len(group)}" for name, group in GROUPS.items()))
    topics = Counter(topic for *_, labels in OPENINGS for topic in labels)
    print(f"{len(topics)} topics: " + " ".join(f"{t} {n}" for t, n in sorted(topics.items())))
