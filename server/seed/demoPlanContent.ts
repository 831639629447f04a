import type { JSONContent } from '@tiptap/core';
import { block, doc, h, moeder, oma, p, vader } from './demoNodes.ts';

/** Demo content of the analysis, the plan, the reactions and the restricted notes. */
export const DEMO_PLAN_CONTENT: Record<string, JSONContent> = {
  'verklarende-analyse': doc(
    h(2, 'Hoe hangt het samen?'),
    p('De geldzorgen zijn de afgelopen twee jaar opgelopen door een terugvordering van toeslagen. Sanne is daardoor somberder geworden en Murat werkt extra diensten. Beide ouders zijn moe en gespannen; ruzies over geld lopen snel op.'),
    p('Murat heeft geen goede manier geleerd om met boosheid om te gaan. In combinatie met alcohol in het weekend leidt dat tot escalaties waar de kinderen bij zijn.'),
    p('Beschermend is het sterke netwerk (oma Ria, oom Emre), de goede band van de kinderen met beide ouders en met school, en de bereidheid van de ouders om hulp te aanvaarden.'),
    h(3, 'Werkhypothese'),
    p('Als de financiële druk afneemt en Murat leert zijn boosheid te reguleren, nemen de escalaties af en kunnen Noa en Daan veilig thuis opgroeien.'),
  ),
  veiligheidsplan: doc(
    h(2, 'Veiligheidsvoorwaarden'),
    block('veiligheidsvoorwaarde', {
      id: 'voorwaarde-geen-geweld',
      voorwaarde: 'Er is geen fysiek geweld en er worden geen spullen gegooid waar de kinderen bij zijn.',
      waarom: 'De kinderen zijn getuige geweest van een escalatie; dit mag niet opnieuw gebeuren.',
    }),
    block('veiligheidsvoorwaarde', {
      id: 'voorwaarde-hulp-aanvaarden',
      voorwaarde: 'Ouders werken mee aan schuldhulp en Murat volgt de agressieregulatietraining.',
      waarom: 'Zonder aanpak van de oorzaken blijft het risico op nieuwe escalaties groot.',
    }),
    h(2, 'Afspraken'),
    block('afspraak', {
      id: 'afspraak-weggaan-bij-ruzie',
      wat: 'Als een ruzie oploopt, gaat de ouder die het eerst merkt naar buiten tot hij of zij rustig is. Er wordt geen ruzie gemaakt waar de kinderen bij zijn.',
      wie: 'Sanne en Murat',
      vanaf: '2026-10-09',
      deadline: null,
      controle: 'Noa, Daan en oma Ria vertellen aan de regisseur hoe het gaat; we bespreken het elke twee weken.',
      alsNiet: 'Murat blijft bij zijn broer wonen tot de training klaar is en de tafel bespreekt of drang nodig is.',
      status: 'open',
      partijen: [moeder, vader],
      toelichting: '',
    }),
    block('afspraak', {
      id: 'afspraak-oma-opvang',
      wat: 'Oma Ria is bereikbaar voor Noa en Daan en vangt hen op als het thuis niet veilig voelt.',
      wie: 'Oma Ria',
      vanaf: '2026-10-09',
      deadline: '2027-01-31',
      controle: 'Oma meldt aan de regisseur als de kinderen bij haar hebben geslapen.',
      alsNiet: 'We zoeken samen met het gezin een ander netwerklid dat dit kan doen.',
      status: 'nagekomen',
      partijen: [oma, moeder, vader],
      toelichting: 'Oma heeft de kinderen in oktober twee keer opgevangen.',
    }),
    block('afspraak', {
      id: 'afspraak-geen-alcohol',
      wat: 'Murat drinkt geen alcohol op de dagen dat hij bij de kinderen is.',
      wie: 'Murat',
      vanaf: '2026-10-09',
      // Ongoing: it holds on every visit; the review at the Tafel is no end date, so it is never "te laat".
      deadline: null,
      controle: 'Sanne en oma Ria letten hierop bij de overdracht. We bespreken het elke keer aan tafel.',
      alsNiet: 'De omgang vindt alleen plaats bij oma Ria.',
      status: 'open',
      partijen: [vader, moeder],
      toelichting: 'Deze afspraak geldt zolang Murat de kinderen ziet.',
    }),
    h(2, 'Signaleringsplan'),
    block('signaal', {
      id: 'signaal-daan-wegkruipen',
      signaal: 'Daan kruipt onder zijn bed of plast weer in bed na een bezoek.',
      actie: 'Sanne praat rustig met Daan en vertelt het binnen twee dagen aan de regisseur.',
      wieBellen: 'Eva Jansen, regisseur lokaal team',
      telefoon: '036-5399999',
    }),
  ),
  plan: doc(
    h(2, 'Ons plan'),
    p('Doel: Noa en Daan groeien veilig thuis op, zonder ruzies waar zij bij zijn. Ouders hebben grip op hun geld.'),
    block('actie', {
      id: 'actie-jongerencoach',
      taak: 'Noa krijgt een jongerencoach met wie ze elke twee weken praat.',
      eigenaar: 'Lokaal team (Eva Jansen)',
      deadline: '2026-11-30',
      status: 'bezig',
      levensgebied: 'stem-jeugdige',
    }),
    block('actie', {
      id: 'actie-daan-ib',
      taak: 'De intern begeleider bespreekt met Sanne hoe Daan op school extra steun krijgt.',
      eigenaar: 'Basisschool De Regenboog',
      deadline: '2026-12-12',
      status: 'open',
      levensgebied: 'onderwijs',
    }),
    block('afspraak', {
      id: 'afspraak-evaluatie-tafel',
      wat: 'We komen elke zes weken samen aan tafel om het plan te bespreken.',
      wie: 'Sanne, Murat, lokaal team en Veilig Thuis',
      vanaf: '2026-11-12',
      deadline: '2027-02-12',
      controle: 'De regisseur plant de bijeenkomsten en maakt het verslag in Tafel.',
      alsNiet: 'De regisseur belt iedereen na en plant een nieuwe datum binnen twee weken.',
      status: 'open',
      partijen: [moeder, vader],
      toelichting: '',
    }),
  ),
  besluit: doc(
    h(2, 'Besluit van de Jeugdbeschermingstafel'),
    block('besluit', {
      id: 'besluit-tafel-1',
      keuze: 'vrijwillig',
      onderbouwing:
        'Ouders erkennen de zorgen, werken mee aan het veiligheidsplan en hebben zelf hulp gezocht. Het netwerk is sterk. We gaan vrijwillig verder, met duidelijke veiligheidsvoorwaarden. Als de voorwaarden niet worden nagekomen, vraagt de tafel een raadsonderzoek aan.',
      datum: '2026-11-12',
      aanwezig: ['Sanne de Groot', 'Murat Yilmaz', 'Ria de Groot', 'Eva Jansen (lokaal team)', 'Karim El Amrani (Veilig Thuis)', 'Ingrid Visser (Raad)'],
      reactieSectie: 'reactie-gezin',
    }),
  ),
  'reactie-gezin': doc(
    h(2, 'Onze reactie'),
    p('Sanne: "Ik ben blij dat we vrijwillig verder mogen. Ik vind het wel moeilijk dat alles over ons wordt opgeschreven, maar ik kan nu zien wat er staat."'),
    p('Murat: "Ik ben het eens met de afspraken. Ik wil wel dat er ook staat dat ik zelf ben weggegaan."'),
  ),
  'reactie-besluit-sanne': doc(
    p('Ik ben blij dat we vrijwillig verder mogen. Ik vind het moeilijk dat alles over ons wordt opgeschreven, maar nu kan ik zien wat er staat.'),
  ),
  'reactie-besluit-murat': doc(
    p('Ik ben het eens met het besluit en de afspraken. Ik wil wel dat erbij staat dat ik zelf ben weggegaan.'),
  ),
  'reactie-jeugdige-noa': doc(p('Ik vind het goed dat papa en mama hulp krijgen. Ik wil zelf kunnen kiezen of ik bij oma slaap als het thuis onrustig is.')),
  'reactie-jeugdige-daan': doc(p('Daan vertelde aan Eva (regisseur) op 12 november: "Ik wil dat het thuis rustig is. Ik vind het fijn bij oma."')),
  evaluatie: doc(
    h(2, 'Evaluatie'),
    p('De eerste evaluatie is gepland op 12 februari 2027. Dan kijken we samen met de schaalvraag of de veiligheid is verbeterd en welke afspraken nog nodig zijn.'),
  ),
  'r-melder': doc(
    h(2, 'Melder'),
    p('Melding door groepsleerkracht van Daan, basisschool De Regenboog, op 28-09-2026 om 08:45. De melder wil niet dat ouders weten dat de melding van haar komt, uit zorg voor de vertrouwensband met Daan.'),
  ),
  'r-adres': doc(
    h(2, 'Verblijfadres'),
    p('Niet van toepassing op dit moment: beide adressen zijn bekend bij beide ouders. Als een ouder tijdelijk elders verblijft om veiligheidsredenen, wordt het adres hier vastgelegd en niet met de andere ouder gedeeld.'),
  ),
  'r-derden': doc(
    h(2, 'Informatie van derden'),
    p('De huisarts van Sanne deelde op 20 oktober (met toestemming van Sanne) dat er in 2023 sprake was van een depressieve episode. Deze informatie is alleen voor de professionals aan tafel.'),
  ),
  'r-werkaantekeningen-lokaal-team-almere': doc(
    h(2, 'Werkaantekeningen lokaal team'),
    p('Huisbezoek 14-11: sfeer rustig, Daan speelde in de woonkamer. Nagaan of de energieleverancier de regeling heeft ontvangen.'),
  ),
  'r-werkaantekeningen-veilig-thuis-flevoland': doc(
    h(2, 'Werkaantekeningen Veilig Thuis'),
    p('Veiligheidstaxatie 09-10: acute onveiligheid niet aanwezig; structurele onveiligheid wel. Vervolg via lokaal team met monitoring door VT tot 3 maanden na vaststelling plan.'),
  ),
  'r-werkaantekeningen-raad-kinderbescherming': doc(
    h(2, 'Werkaantekeningen Raad'),
    p('Raad aangeschoven als adviseur bij de tafel van 12-11. Geen verzoek tot onderzoek; opnieuw bespreken als de voorwaarden niet worden nagekomen.'),
  ),
  'r-werkaantekeningen-jeugdbescherming-flevoland': doc(
    h(2, 'Werkaantekeningen GI'),
    p('Nog niet betrokken. Achterwacht bij eventuele maatregel.'),
  ),
};
