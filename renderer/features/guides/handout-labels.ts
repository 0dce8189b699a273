// The handout's own words in the languages the person may read; the guide's text itself stays French (as on the
// official sites). One small dictionary per language, kept here rather than in i18next: a handout is printed in the
// person's language whatever the language of the app.

export const HANDOUT_LANGUAGES = ['fr', 'en', 'ar', 'es', 'pt', 'tr'] as const;
export type HandoutLanguage = (typeof HANDOUT_LANGUAGES)[number];

export interface HandoutLabels {
  /** The language's own name, for the picker. */
  name: string;
  dir: 'ltr' | 'rtl';
  title: string;
  for: string;
  procedure: string;
  websites: string;
  bring: string;
  nextSteps: string;
  followUp: string;
  desk: string;
  hours: string;
  /** Said when the guide's French text is printed for a person reading another language; empty in French. */
  frenchNote: string;
  passwords: string;
  reviewed: string;
}

export const HANDOUT_LABELS: Record<HandoutLanguage, HandoutLabels> = {
  fr: {
    name: 'Français',
    dir: 'ltr',
    title: 'Votre démarche',
    for: 'Pour',
    procedure: 'Démarche',
    websites: 'Sites internet à utiliser',
    bring: 'À apporter la prochaine fois',
    nextSteps: 'Prochaines étapes',
    followUp: 'Prochain rendez-vous ou relance',
    desk: 'Votre lieu d’accueil',
    hours: 'Horaires d’ouverture',
    frenchNote: '',
    passwords:
      'Ne communiquez jamais vos mots de passe, ni à nous ni à personne d’autre. Aucun organisme ne vous les demandera.',
    reviewed: 'Informations vérifiées le',
  },
  en: {
    name: 'English',
    dir: 'ltr',
    title: 'Your procedure',
    for: 'For',
    procedure: 'Procedure',
    websites: 'Websites to use',
    bring: 'What to bring next time',
    nextSteps: 'Next steps',
    followUp: 'Next appointment or follow-up',
    desk: 'Your help desk',
    hours: 'Opening hours',
    frenchNote: 'The details of the procedure are in French, as on the official websites.',
    passwords: 'Never share your passwords, with us or with anyone else. No public body will ever ask for them.',
    reviewed: 'Information checked on',
  },
  ar: {
    name: 'العربية',
    dir: 'rtl',
    title: 'الإجراء الخاص بك',
    for: 'لفائدة',
    procedure: 'الإجراء',
    websites: 'المواقع الإلكترونية التي يجب استخدامها',
    bring: 'ما يجب إحضاره في المرة القادمة',
    nextSteps: 'الخطوات التالية',
    followUp: 'الموعد القادم أو المتابعة',
    desk: 'مكان الاستقبال',
    hours: 'أوقات العمل',
    frenchNote: 'تفاصيل الإجراء مكتوبة باللغة الفرنسية، كما في المواقع الرسمية.',
    passwords: 'لا تعطِ كلمات المرور الخاصة بك لأي شخص، ولا حتى لنا. لن تطلبها منك أي جهة رسمية.',
    reviewed: 'تم التحقق من المعلومات بتاريخ',
  },
  es: {
    name: 'Español',
    dir: 'ltr',
    title: 'Su trámite',
    for: 'Para',
    procedure: 'Trámite',
    websites: 'Sitios web que debe usar',
    bring: 'Qué traer la próxima vez',
    nextSteps: 'Próximos pasos',
    followUp: 'Próxima cita o seguimiento',
    desk: 'Su punto de atención',
    hours: 'Horario de apertura',
    frenchNote: 'Los detalles del trámite están en francés, como en los sitios oficiales.',
    passwords: 'Nunca comunique sus contraseñas, ni a nosotros ni a nadie. Ningún organismo se las pedirá.',
    reviewed: 'Información verificada el',
  },
  pt: {
    name: 'Português',
    dir: 'ltr',
    title: 'O seu procedimento',
    for: 'Para',
    procedure: 'Procedimento',
    websites: 'Sites a utilizar',
    bring: 'O que trazer da próxima vez',
    nextSteps: 'Próximos passos',
    followUp: 'Próxima marcação ou acompanhamento',
    desk: 'O seu local de atendimento',
    hours: 'Horário de abertura',
    frenchNote: 'Os detalhes do procedimento estão em francês, como nos sites oficiais.',
    passwords: 'Nunca partilhe as suas palavras-passe, nem connosco nem com ninguém. Nenhum organismo lhas pedirá.',
    reviewed: 'Informações verificadas em',
  },
  tr: {
    name: 'Türkçe',
    dir: 'ltr',
    title: 'İşleminiz',
    for: 'Kimin için',
    procedure: 'İşlem',
    websites: 'Kullanılacak internet siteleri',
    bring: 'Bir dahaki sefere getirmeniz gerekenler',
    nextSteps: 'Sonraki adımlar',
    followUp: 'Bir sonraki randevu veya takip',
    desk: 'Başvuru noktanız',
    hours: 'Çalışma saatleri',
    frenchNote: 'İşlemin ayrıntıları, resmî sitelerde olduğu gibi Fransızcadır.',
    passwords: 'Şifrelerinizi asla kimseyle, bizimle bile paylaşmayın. Hiçbir kurum sizden şifrenizi istemez.',
    reviewed: 'Bilgilerin kontrol edildiği tarih',
  },
};

/** A date (YYYY-MM-DD) written the way the handout's language writes it. */
export function handoutDate(iso: string, lang: HandoutLanguage): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}
