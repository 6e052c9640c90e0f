import { lv as benefits } from '../pages/benefits/messages';
import { lv as visits } from '../pages/visits/messages';
import { lv as children } from '../pages/children/messages';
import { lv as basket } from '../pages/basket/messages';
import { lv as marketplace } from '../pages/marketplace/messages';
import { lv as payments } from '../pages/payments/messages';
/**
 * Latvian — the portal's default language. Families read these words, so they are plain and friendly:
 * short sentences, "jūs", no office jargon. Keys are flat; `en.ts` must hold exactly the same keys
 * (its type enforces that, and a test compares both).
 *
 * Some keys come from the API: `errors.<CODE>` for error codes, `validation.<validatorKey>` for
 * form fields and notification `titleKey`s such as `notifications.welcome`.
 */
export const lv = {
  ...benefits,
  ...visits,
  ...children,
  ...basket,
  ...marketplace,
  ...payments,
  'app.name': 'Līdz.Vērtīgs',

  'layout.skipToContent': 'Pāriet uz galveno saturu',
  'layout.mainNav': 'Galvenā izvēlne',
  'layout.home': 'Sākums',
  'layout.settings': 'Iestatījumi',
  'layout.logout': 'Iziet',

  'language.switchLabel': 'Valoda',
  'language.lv.name': 'Latviešu',
  'language.en.name': 'English',

  'common.loading': 'Ielādē…',
  'common.pleaseWait': 'Lūdzu, uzgaidiet…',
  'common.retry': 'Mēģināt vēlreiz',
  'common.toHome': 'Uz sākumlapu',
  'common.backToLogin': 'Atpakaļ uz pieteikšanos',
  'common.showPassword': 'Rādīt paroli',
  'common.requestId': 'Ja sazināsieties ar atbalstu, norādiet šo numuru: {id}',

  'login.title': 'Pieteikties portālā',
  'login.intro': 'Portāls pakalpojumu sniedzējiem, speciālistiem, ģimenēm un jauniešiem.',
  'login.email': 'E-pasts',
  'login.password': 'Parole',
  'login.submit': 'Pieteikties',
  'login.forgot': 'Aizmirsāt paroli?',
  'login.adminRole': 'Šis konts ir paredzēts darbinieku administrācijas vietnei, nevis šim portālam.',
  'login.adminLink': 'Atvērt administrācijas vietni (/admin/)',
  'login.sessionExpired': 'Jūsu sesija ir beigusies. Lūdzu, piesakieties vēlreiz.',
  'login.loggedOut': 'Jūs esat izgājuši no portāla. Uz redzēšanos!',

  'forgot.title': 'Paroles atjaunošana',
  'forgot.intro': 'Ierakstiet e-pasta adresi, ar kuru piesakāties. Mēs nosūtīsim saiti, ar kuru varēsiet izveidot jaunu paroli.',
  'forgot.email': 'E-pasts',
  'forgot.submit': 'Nosūtīt saiti',
  'forgot.sent':
    'Ja konts ar šo e-pasta adresi pastāv, mēs uz to nosūtījām e-pastu ar saiti. Saite darbojas vienu stundu. Ja vēstuli neredzat, pārbaudiet arī mēstuļu mapi.',

  'reset.title': 'Jaunas paroles izveide',
  'reset.intro': 'Izvēlieties jaunu paroli, ar kuru turpmāk pieteiksieties.',
  'reset.password': 'Jaunā parole',
  'reset.passwordHint': 'Vismaz {min} rakstzīmes. Garu frāzi ir vieglāk atcerēties un grūtāk uzminēt.',
  'reset.confirm': 'Atkārtojiet jauno paroli',
  'reset.submit': 'Saglabāt jauno paroli',
  'reset.done': 'Parole ir nomainīta. Tagad varat pieteikties ar jauno paroli.',
  'reset.loginLink': 'Pieteikties ar jauno paroli',
  'reset.missingToken': 'Šī saite nav pilnīga. Atveriet saiti no e-pasta vēlreiz vai pieprasiet jaunu.',
  'reset.requestNew': 'Pieprasīt jaunu saiti',

  'home.signedInAs': 'Lietotājs',
  'home.role': 'Loma',
  'home.provider.intro': 'Šeit strādāsiet ar saviem pakalpojumiem, līgumiem, apmeklējumiem un maksājumiem.',
  'home.family.greeting': 'Sveiki, {name}!',
  'home.family.welcome':
    'Šeit redzēsiet sava bērna atbalsta grozu: kādi pakalpojumi bērnam ir paredzēti, cik naudas vēl var izmantot un kuri speciālisti palīdz. Šeit varēsiet arī izvēlēties pakalpojumu sniedzēju un apmeklējumā parādīt bērna QR kodu.',
  'home.participant.welcome':
    'Šeit redzēsiet savu atbalsta grozu: kādi pakalpojumi jums ir paredzēti, cik naudas vēl var izmantot un kuri speciālisti jums palīdz. Jūs paši izlemjat, kas vēl drīkst redzēt jūsu datus.',
  'home.family.help': 'Ja kaut kas nav skaidrs, droši jautājiet savam gadījuma vadītājam.',

  'role.provider_admin': 'Pakalpojumu sniedzēja administrators',
  'role.specialist': 'Speciālists',
  'role.family': 'Vecāks vai aizbildnis',
  'role.participant': 'Jaunietis',

  'notifications.title': 'Paziņojumi',
  'notifications.unreadCount': 'Nelasīti: {count}',
  'notifications.empty': 'Jums vēl nav neviena paziņojuma.',
  'notifications.new': 'Jauns',
  'notifications.markRead': 'Atzīmēt kā izlasītu',
  'notifications.markedRead': 'Paziņojums atzīmēts kā izlasīts.',
  'notifications.loadFailed': 'Neizdevās ielādēt paziņojumus.',
  'notifications.unknown': 'Jums ir jauns paziņojums.',
  'notifications.welcome': 'Laipni lūgti platformā Līdz.Vērtīgs, {name}!',

  'settings.title': 'Iestatījumi',
  'settings.language.legend': 'Portāla valoda',
  'settings.language.hint': 'Valodu var mainīt arī lapas augšā, izvēlnē «Valoda».',
  'settings.save': 'Saglabāt',
  'settings.saved': 'Valoda saglabāta.',
  'settings.account.title': 'Jūsu konts',
  'settings.account.name': 'Vārds, uzvārds',
  'settings.account.email': 'E-pasts',
  'settings.account.role': 'Loma',

  'notFound.title': 'Lapa nav atrasta',
  'notFound.text': 'Šeit nav nevienas lapas. Iespējams, saitē ir kļūda vai lapa ir pārvietota.',

  'crash.title': 'Kaut kas nogāja greizi',
  'crash.text': 'Lūdzu, pārlādējiet lapu. Ja kļūda atkārtojas, sazinieties ar atbalstu.',
  'crash.reload': 'Pārlādēt lapu',

  'errors.AUTH_INVALID_CREDENTIALS': 'Nepareizs e-pasts vai parole. Pārbaudiet tos un mēģiniet vēlreiz.',
  'errors.AUTH_LOCKED':
    'Pēc vairākiem neveiksmīgiem mēģinājumiem konts uz laiku ir bloķēts. Mēģiniet vēlreiz pēc 15 minūtēm vai izveidojiet jaunu paroli.',
  'errors.AUTH_REFRESH_INVALID': 'Jūsu sesija ir beigusies. Lūdzu, piesakieties vēlreiz.',
  'errors.AUTH_REFRESH_REUSED': 'Jūsu sesija ir beigusies. Lūdzu, piesakieties vēlreiz.',
  'errors.AUTH_RESET_INVALID': 'Šī saite vairs nedarbojas: tā ir derīga vienu stundu un tikai vienu reizi. Lūdzu, pieprasiet jaunu saiti.',
  'errors.RATE_LIMITED': 'Pārāk daudz mēģinājumu īsā laikā. Lūdzu, mazliet pagaidiet un mēģiniet vēlreiz.',
  'errors.VALIDATION_FAILED': 'Lūdzu, izlabojiet atzīmētos laukus.',
  'errors.UNAUTHENTICATED': 'Lūdzu, piesakieties vēlreiz.',
  'errors.FORBIDDEN': 'Jums nav piekļuves šai darbībai.',
  'errors.NOT_FOUND': 'Meklēto neizdevās atrast.',
  'errors.BAD_REQUEST': 'Pieprasījumu neizdevās apstrādāt. Pārbaudiet ievadīto un mēģiniet vēlreiz.',
  'errors.PAYLOAD_TOO_LARGE': 'Nosūtītie dati ir pārāk lieli.',
  'errors.INTERNAL': 'Radās kļūda mūsu pusē. Lūdzu, mēģiniet vēlreiz pēc brīža.',
  'errors.SERVICE_UNAVAILABLE': 'Portāls īslaicīgi nav pieejams. Lūdzu, mēģiniet vēlreiz pēc brīža.',
  'errors.NETWORK': 'Neizdevās sazināties ar serveri. Pārbaudiet interneta savienojumu un mēģiniet vēlreiz.',
  'errors.UNKNOWN': 'To neizdevās izdarīt. Lūdzu, mēģiniet vēlreiz.',

  'validation.required': 'Lūdzu, aizpildiet šo lauku.',
  'validation.isEmail': 'Ierakstiet e-pasta adresi, piemēram, vards@piemers.lv.',
  'validation.minLength': 'Šis teksts ir par īsu.',
  'validation.maxLength': 'Šis teksts ir par garu.',
  'validation.isIn': 'Izvēlieties kādu no piedāvātajām iespējām.',
  'validation.invalid': 'Šī vērtība neder. Lūdzu, pārbaudiet to.',
  'validation.passwordMinLength': 'Parolei jābūt vismaz {min} rakstzīmes garai.',
  'validation.passwordsDiffer': 'Paroles nesakrīt. Ierakstiet to pašu paroli abos laukos.',
};

export type MessageKey = keyof typeof lv;
