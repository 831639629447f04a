import type { JSONContent } from '@tiptap/core';
import { block, doc, h, p, sourced, ul, vader } from './demoNodes.ts';
import { DEMO_PLAN_CONTENT } from './demoPlanContent.ts';

/*
 * Demo content of the fictional family De Groot – Yilmaz: Sanne (moeder), Murat (vader), Noa (15),
 * Daan (8) and oma Ria. Plain Dutch, written the way a Jeugdbeschermingstafel writes it.
 */

export const DEMO_CONTENT: Record<string, JSONContent> = {
  aanleiding: doc(
    h(2, 'Waarom zitten we aan tafel?'),
    p(
      'Op 28 september 2026 kreeg Veilig Thuis een melding van de school van Daan. ',
      sourced("Daan vertelde zijn juf dat papa en mama 's nachts hard ruzie maakten en dat er een glas kapot was gegooid.", { soort: 'feit', bron: 'melding van de school' }),
      ' Noa heeft die nacht bij oma geslapen.',
    ),
    p(
      'Veilig Thuis heeft de zaak besproken met het lokale team. ',
      sourced('Er zijn zorgen over de veiligheid van Noa en Daan.', { soort: 'mening', bron: 'Veilig Thuis en lokaal team' }),
      ' Daarom bespreken we de situatie samen aan de Jeugdbeschermingstafel.',
    ),
    h(2, 'Wat vraagt het gezin zelf?'),
    ul(
      'Sanne: "Ik wil rust in huis en hulp bij de schulden. Ik wil niet dat de kinderen bang zijn."',
      'Murat: "Ik wil mijn kinderen blijven zien en leren hoe ik rustig blijf als het misgaat."',
      'Noa: "Ik wil dat ze ophouden met schreeuwen, en dat ik zelf mag zeggen waar ik slaap."',
    ),
  ),
  gezin: doc(
    h(2, 'Wie horen bij het gezin?'),
    ul(
      'Sanne de Groot (34), moeder. Woont met Daan in de huurwoning in Almere Haven.',
      'Murat Yilmaz (37), vader. Woont sinds oktober tijdelijk bij zijn broer in Almere Stad.',
      'Noa Yilmaz (15), zit in 3 havo. Slaapt door de week bij moeder, in het weekend vaak bij oma.',
      'Daan Yilmaz (8), groep 5 van basisschool De Regenboog.',
    ),
    h(2, 'Netwerk'),
    ul(
      'Oma Ria (moeder van Sanne) woont op tien minuten fietsen. Zij vangt de kinderen op als het thuis niet goed gaat.',
      'Oom Emre (broer van Murat) biedt Murat een slaapplek en gaat mee naar gesprekken als Murat dat wil.',
      'De buurvrouw, mevrouw Bakker, heeft een sleutel en weet wat ze moet doen als ze ruzie hoort.',
    ),
    block('kracht', {
      id: 'kracht-netwerk-oma',
      wat: 'Oma Ria vangt Noa en Daan op wanneer het thuis onrustig is; de kinderen voelen zich bij haar veilig.',
      wie: 'Oma Ria',
      sinds: 'Al jaren, sinds de geboorte van Noa',
      hoeWeten: 'Noa en Daan vertellen dit zelf; de school bevestigt dat Daan na een nacht bij oma uitgerust is.',
    }),
  ),
  'stem-jeugdige': doc(
    h(2, 'Noa (15)'),
    p('"Ik ben niet bang voor papa, maar ik word wel gek van het geschreeuw. Als het begint, zet ik mijn muziek hard of ik ga naar oma. Ik wil niet dat Daan het allemaal hoort."'),
    p('"Ik wil meepraten over waar ik slaap. Niet dat iemand anders dat voor mij beslist."'),
    h(2, 'Daan (8)'),
    p('Daan tekende met de jeugdprofessional zijn huis. Hij tekende een zon boven oma\'s huis en een wolk boven zijn eigen huis. "Als papa en mama boos zijn, ga ik onder mijn bed liggen met mijn knuffel."'),
    block('schaalvraag', {
      id: 'schaal-noa-thuis',
      vraag: 'Hoe veilig voel je je thuis? (0 = helemaal niet, 10 = helemaal veilig)',
      rondes: [
        { datum: '2026-10-01', scores: [{ partij: 'Noa', score: 4, reden: 'Er is veel ruzie en ik slaap slecht.' }] },
        { datum: '2026-11-12', scores: [{ partij: 'Noa', score: 6, reden: 'Papa woont nu bij oom Emre, het is rustiger.' }] },
      ],
    }),
  ),
  'stem-ouders': doc(
    h(2, 'Sanne'),
    p('"Ik schaam me voor die nacht. Ik had al weken geen geld voor de energierekening en we hadden elke dag ruzie over geld. Ik weet dat de kinderen dat niet mogen meemaken."'),
    h(2, 'Murat'),
    p('"Ik heb het glas gegooid, tegen de muur, niet naar iemand. Dat had ik nooit mogen doen. Ik wil hulp om rustig te blijven. Mijn kinderen zijn alles voor mij."'),
    h(2, 'Waar ouders het over eens zijn'),
    ul('De kinderen moeten zich thuis veilig voelen.', 'Ruzies worden niet meer waar de kinderen bij zijn uitgevochten.', 'Ze willen allebei hulp bij de schulden.'),
  ),
  'eigen-woorden-sanne': doc(
    p('Ik wil dat in het dossier staat dat ik zelf hulp heb gezocht voor mijn somberheid, al voordat Veilig Thuis belde.'),
    ul('De schulden komen door de terugvordering van de huurtoeslag, niet doordat we slordig zijn met geld.', 'Noa en Daan gaan voor alles. Ik wil dat ze zich thuis veilig voelen.'),
  ),
  'eigen-woorden-murat': doc(
    p('Ik schaam me voor die nacht in september. Ik ben zelf naar mijn broer gegaan om tot rust te komen, niemand heeft mij weggestuurd.'),
    p('Ik doe mee aan de training en ik wil dat de kinderen dat ook weten.'),
  ),
  financien: doc(
    h(2, 'Schulden'),
    p('Het gezin heeft ongeveer € 18.400 schuld. De grootste schuldeisers zijn de energieleverancier (€ 2.100 achterstand), de zorgverzekeraar (€ 3.600) en de Belastingdienst/Toeslagen (terugvordering huurtoeslag € 6.900).'),
    p('Er loopt een aanvraag voor schuldhulpverlening bij de gemeente Almere. Het intakegesprek is gepland op 3 december.'),
    block('actie', {
      id: 'actie-schuldhulp-intake',
      taak: 'Samen met Sanne en Murat de papieren voor de intake schuldhulp verzamelen (loonstroken, brieven van schuldeisers).',
      eigenaar: 'Eva Jansen (lokaal team) met Sanne en Murat',
      deadline: '2026-12-01',
      status: 'bezig',
      levensgebied: 'financien',
    }),
    block('actie', {
      id: 'actie-energie-regeling',
      taak: 'Betalingsregeling met de energieleverancier aanvragen zodat afsluiting wordt voorkomen.',
      eigenaar: 'Sanne',
      deadline: '2026-11-14',
      status: 'open',
      levensgebied: 'financien',
    }),
  ),
  bestaanszekerheid: doc(
    h(2, 'Wonen'),
    p('Sanne huurt een driekamerwoning van de woningcorporatie. Er is een huurachterstand van twee maanden; de corporatie heeft nog geen stappen gezet.'),
    h(2, 'Werk en inkomen'),
    p('Murat werkt 32 uur per week als magazijnmedewerker via een uitzendbureau; zijn contract loopt tot maart 2027. Sanne werkt 12 uur per week in de thuiszorg en wil meer uren werken als de kinderopvang voor Daan geregeld is.'),
    block('zorg', {
      id: 'zorg-huisuitzetting',
      wieZorgen: 'Lokaal team en Sanne zelf',
      wat: 'Als de huurachterstand oploopt, kan de corporatie een ontruimingsprocedure starten.',
      impact: 'Noa en Daan kunnen hun huis, school en vrienden in de buurt kwijtraken.',
      alsNietsVerandert: 'Binnen drie maanden kan de corporatie naar de rechter gaan.',
      ernst: 'midden',
    }),
  ),
  'ggz-sanne': doc(
    h(2, 'Psychische gezondheid Sanne'),
    p('Sanne heeft sinds de geboorte van Daan last van somberheid. In 2023 had zij een behandeling bij de huisarts-POH GGZ. Ze merkt dat de somberheid terugkomt door de geldzorgen.'),
    p('Sanne heeft toestemming gegeven om met haar huisarts te overleggen. Zij staat sinds november op de wachtlijst voor de basis-GGZ.'),
    block('actie', {
      id: 'actie-sanne-huisarts',
      taak: 'Afspraak maken bij de POH GGZ van de huisarts om de wachttijd te overbruggen.',
      eigenaar: 'Sanne',
      deadline: '2026-11-20',
      status: 'klaar',
      levensgebied: 'ggz',
    }),
  ),
  'ggz-murat': doc(
    h(2, 'Psychische gezondheid Murat'),
    p('Murat vertelt dat hij snel boos wordt als hij moe is of als er over geld wordt gepraat. Hij drinkt in het weekend soms te veel; hij zegt zelf dat dit bij de ruzies een rol speelde.'),
    p('Murat is aangemeld bij een agressieregulatietraining (12 bijeenkomsten) bij de GGZ-instelling. De eerste bijeenkomst is op 9 december.'),
    block('afspraak', {
      id: 'afspraak-murat-training',
      wat: 'Murat volgt alle bijeenkomsten van de agressieregulatietraining.',
      wie: 'Murat',
      vanaf: '2026-12-09',
      deadline: '2027-03-10',
      controle: 'De trainer laat de regisseur elke maand weten of Murat er was (Murat heeft hiervoor toestemming gegeven).',
      alsNiet: 'We bespreken aan tafel welke andere hulp nodig is; de omgangsregeling met de kinderen blijft onder begeleiding.',
      status: 'open',
      partijen: [vader, { naam: 'Eva Jansen (regisseur)', personId: null, userId: 'regisseur' }],
      toelichting: '',
    }),
  ),
  'gezondheid-jeugdige-noa': doc(
    h(2, 'Gezondheid Noa'),
    p('Noa slaapt slecht en heeft vaak hoofdpijn. Ze is op eigen verzoek twee keer bij de jeugdarts op school geweest. Er zijn geen lichamelijke oorzaken gevonden.'),
    p('Noa wil graag praten met iemand buiten de familie. Ze heeft gekozen voor gesprekken met de jongerencoach van het lokale team.'),
  ),
  'gezondheid-jeugdige-daan': doc(
    h(2, 'Gezondheid Daan'),
    p('Daan plast sinds de zomer weer in bed. De huisarts denkt dat dit met spanning thuis te maken heeft. Daan groeit goed en is verder gezond.'),
    block('zorg', {
      id: 'zorg-daan-spanning',
      wieZorgen: 'Huisarts, juf van Daan en Sanne',
      wat: 'Daan laat spanningsklachten zien: bedplassen, wegkruipen onder zijn bed, stil in de klas na een onrustige nacht.',
      impact: 'Daan leert dat thuis niet voorspelbaar is; dat kan zijn ontwikkeling en zijn zelfvertrouwen schaden.',
      alsNietsVerandert: 'De klachten nemen toe en Daan kan achter gaan lopen op school.',
      ernst: 'midden',
    }),
  ),
  onderwijs: doc(
    h(2, 'Noa'),
    p('Noa haalt voldoendes, maar mist de laatste maand vaker het eerste uur. De mentor heeft contact met moeder en weet van de situatie thuis (met toestemming van Noa).'),
    h(2, 'Daan'),
    p('Daan gaat graag naar school. De juf merkt dat hij na een onrustig weekend moe en stil is. De intern begeleider volgt hem.'),
    block('kracht', {
      id: 'kracht-school-daan',
      wat: 'Daan heeft een vertrouwensband met zijn juf en vertelt haar wat hem dwarszit.',
      wie: 'Juf Marieke van groep 5',
      sinds: 'Begin van dit schooljaar',
      hoeWeten: 'Daan vertelde haar zelf over de ruzie; zo kwam de melding ook binnen.',
    }),
  ),
  opvoeding: doc(
    h(2, 'Opvoeding en ontwikkeling'),
    p('Sanne en Murat zijn betrokken ouders. Ze brengen Daan samen naar voetbal en komen allebei naar oudergesprekken. Door de spanning over geld en de ruzies lukt het hen minder goed om rust en regelmaat te bieden.'),
    p('Noa neemt soms de zorg voor Daan over als haar ouders ruzie maken. Dat is te veel voor een meisje van 15.'),
    block('zorg', {
      id: 'zorg-noa-zorgtaken',
      wieZorgen: 'Lokaal team en Noa\'s mentor',
      wat: 'Noa zorgt voor Daan tijdens ruzies en houdt hem weg bij de ouders.',
      impact: 'Noa draagt een verantwoordelijkheid die niet bij haar leeftijd past en heeft minder ruimte voor school en vrienden.',
      alsNietsVerandert: 'Noa raakt overbelast; haar schoolverzuim en slaapproblemen nemen toe.',
      ernst: 'midden',
    }),
  ),
  'huiselijk-geweld': doc(
    h(2, 'Wat er is gebeurd'),
    p('In de nacht van 27 op 28 september was er een hevige ruzie. Murat gooide een glas tegen de muur. Niemand is lichamelijk gewond geraakt. Noa belde oma, die haar en Daan heeft opgehaald.'),
    p('Volgens beide ouders was er in het afgelopen jaar vaker ruzie met schreeuwen, maar niet eerder met spullen gooien. De politie is nooit gebeld.'),
    block('zorg', {
      id: 'zorg-escalatie',
      wieZorgen: 'Veilig Thuis, lokaal team, oma Ria',
      wat: 'Ruzies tussen de ouders lopen op tot schreeuwen en gooien met spullen, terwijl Noa en Daan thuis zijn.',
      impact: 'De kinderen zijn getuige van geweld; Daan kruipt weg en Noa neemt de zorg voor hem over.',
      alsNietsVerandert: 'De ruzies kunnen verder escaleren, met kans op lichamelijk letsel bij een ouder of een kind.',
      ernst: 'hoog',
    }),
    block('signaal', {
      id: 'signaal-ruzie',
      signaal: 'De stemmen worden harder en een van de ouders loopt niet weg.',
      actie: 'Noa neemt Daan mee naar haar kamer en belt oma. De ouder die het eerst merkt dat het misgaat, gaat naar buiten.',
      wieBellen: 'Oma Ria; bij gevaar 112',
      telefoon: '06-12345678',
    }),
  ),
  online: doc(
    h(2, 'Online veiligheid'),
    p('Noa heeft een eigen telefoon en zit veel op sociale media. Er zijn geen signalen van online pesten of onveilig contact. Noa weet dat ze bij haar mentor en bij de jongerencoach terecht kan.'),
    p('Daan gebruikt de tablet thuis alleen in de woonkamer, met tijdslimiet. Dit gaat goed.'),
  ),
  justitie: doc(
    h(2, 'Justitie en politie'),
    p('Er zijn geen politiecontacten en geen strafzaken bekend bij Sanne, Murat of Noa. Er is geen civiele procedure over gezag of omgang.'),
    p('Beide ouders hebben samen het gezag over Noa en Daan.'),
  ),
  'zorgen-krachten': doc(
    h(2, 'Zorgen'),
    p('De belangrijkste zorg is dat ruzies tussen de ouders escaleren terwijl de kinderen thuis zijn. Schulden en somberheid maken de spanning groter.'),
    h(2, 'Krachten'),
    block('kracht', {
      id: 'kracht-ouders-erkennen',
      wat: 'Beide ouders erkennen wat er is gebeurd en willen zelf hulp.',
      wie: 'Sanne en Murat',
      sinds: 'Het eerste gesprek met Veilig Thuis op 1 oktober',
      hoeWeten: 'Ze zeggen het zelf, en Murat heeft zich zelf aangemeld voor de training.',
    }),
    block('kracht', {
      id: 'kracht-murat-weggaan',
      wat: 'Murat is tijdelijk bij zijn broer gaan wonen om de rust thuis te herstellen.',
      wie: 'Murat, met steun van oom Emre',
      sinds: '5 oktober 2026',
      hoeWeten: 'Sanne, Noa en oom Emre bevestigen dit.',
    }),
    block('schaalvraag', {
      id: 'schaal-veiligheid-tafel',
      vraag: 'Hoe veilig zijn Noa en Daan nu thuis? (0 = zo onveilig dat ze niet thuis kunnen blijven, 10 = veilig genoeg om de zaak te sluiten)',
      rondes: [
        {
          datum: '2026-10-09',
          scores: [
            { partij: 'Sanne', score: 5, reden: 'Murat woont nu ergens anders, maar ik maak me zorgen over geld.' },
            { partij: 'Murat', score: 6, reden: 'Ik ben weggegaan zodat het rustig is.' },
            { partij: 'Veilig Thuis', score: 3, reden: 'Er is nog geen veiligheidsplan en de schulden lopen op.' },
            { partij: 'Lokaal team', score: 4, reden: 'Ouders werken mee, maar de oorzaken zijn er nog.' },
          ],
        },
        {
          datum: '2026-11-12',
          scores: [
            { partij: 'Sanne', score: 6, reden: 'Er is rust in huis, de schuldhulp komt op gang.' },
            { partij: 'Murat', score: 7, reden: 'Ik zie de kinderen rustig bij oma.' },
            { partij: 'Veilig Thuis', score: 5, reden: 'De afspraken worden nagekomen, de training moet nog beginnen.' },
            { partij: 'Lokaal team', score: 6, reden: 'Er is een netwerk dat werkt.' },
          ],
        },
      ],
    }),
  ),
  ...DEMO_PLAN_CONTENT,
};
