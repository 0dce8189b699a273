// Texts of the app lock: the lock screen, the PIN settings (from « Mon lieu »), the header's lock button and
// self-service mode.
export const fr = {
  button: 'Verrouiller',
  buttonTitle: 'Verrouiller Médiane (le code sera demandé)',
  shortcut: 'Verrouiller Médiane',
  pin: {
    label: 'Code de verrouillage',
    hint: '4 à 8 chiffres',
  },
  screen: {
    title: 'Médiane est verrouillé',
    intro: 'Saisissez le code de verrouillage du lieu pour reprendre.',
    submit: 'Déverrouiller',
    working: 'Vérification…',
    retryAfter: 'Prochain essai possible à {{time}}.',
    forgotten:
      'Code oublié ? Seul le service informatique (ou le titulaire du compte de l’ordinateur) peut le retirer : voir la documentation de Médiane, « Code oublié ».',
  },
  settings: {
    pageTitle: 'Verrouillage et libre-service',
    pageIntro:
      'Sur un ordinateur partagé, un code protège le journal : Médiane se verrouille quand personne ne s’en sert, et le mode libre-service laisse une personne seule faire son diagnostic sans accès au reste.',
    backToSite: 'Retour à « Mon lieu »',
    linkFromSite: 'Verrouillage et libre-service',
    state: {
      title: 'État',
      on: 'Un code de verrouillage est défini.',
      off: 'Aucun code de verrouillage : Médiane ne se verrouille jamais.',
    },
    set: {
      title: 'Définir un code',
      changeTitle: 'Changer le code',
      current: 'Code actuel',
      next: 'Nouveau code',
      confirm: 'Confirmez le nouveau code',
      mismatch: 'Les deux codes ne sont pas identiques.',
      format: 'Le code compte de 4 à 8 chiffres.',
      submit: 'Enregistrer le code',
      done: 'Le code est enregistré.',
      errorTitle: 'Le code n’a pas été enregistré',
    },
    remove: {
      title: 'Retirer le code',
      intro: 'Sans code, Médiane ne se verrouille plus et le mode libre-service n’est plus possible.',
      submit: 'Retirer le code',
      done: 'Le code est retiré.',
      errorTitle: 'Le code n’a pas été retiré',
    },
    idle: {
      title: 'Verrouillage automatique',
      label: 'Verrouiller après',
      hint: 'sans activité sur Médiane',
      minutes_one: '{{count}} minute',
      minutes_other: '{{count}} minutes',
      submit: 'Enregistrer le délai',
      done: 'Le délai est enregistré.',
      errorTitle: 'Le délai n’a pas été enregistré',
    },
    selfService: {
      title: 'Mode libre-service',
      intro:
        'L’ordinateur n’affiche plus que le diagnostic : pas de journal, pas de réglages, pas de raccourcis. Pour en sortir, le code est demandé.',
      needsPin: 'Définissez d’abord un code de verrouillage.',
      start: 'Démarrer le mode libre-service',
      errorTitle: 'Le mode libre-service n’a pas démarré',
    },
  },
  selfService: {
    leave: 'Quitter le libre-service',
    leaveTitle: 'Quitter le mode libre-service',
    leaveIntro: 'Réservé à l’équipe du lieu : saisissez le code de verrouillage.',
    leaveSubmit: 'Quitter le libre-service',
    close: 'Fermer',
  },
};

export const en: typeof fr = {
  button: 'Lock',
  buttonTitle: 'Lock Médiane (the PIN will be asked)',
  shortcut: 'Lock Médiane',
  pin: {
    label: 'Lock PIN',
    hint: '4 to 8 digits',
  },
  screen: {
    title: 'Médiane is locked',
    intro: 'Enter the site’s lock PIN to carry on.',
    submit: 'Unlock',
    working: 'Checking…',
    retryAfter: 'Next try possible at {{time}}.',
    forgotten:
      'Forgot the PIN? Only IT (or the owner of the computer’s account) can remove it: see Médiane’s documentation, “Forgotten PIN”.',
  },
  settings: {
    pageTitle: 'Lock and self-service',
    pageIntro:
      'On a shared computer, a PIN protects the journal: Médiane locks itself when nobody uses it, and self-service mode lets a person alone do their diagnosis without access to anything else.',
    backToSite: 'Back to “My site”',
    linkFromSite: 'Lock and self-service',
    state: {
      title: 'State',
      on: 'A lock PIN is set.',
      off: 'No lock PIN: Médiane never locks.',
    },
    set: {
      title: 'Set a PIN',
      changeTitle: 'Change the PIN',
      current: 'Current PIN',
      next: 'New PIN',
      confirm: 'Confirm the new PIN',
      mismatch: 'The two PINs are not the same.',
      format: 'The PIN has 4 to 8 digits.',
      submit: 'Save the PIN',
      done: 'The PIN is saved.',
      errorTitle: 'The PIN was not saved',
    },
    remove: {
      title: 'Remove the PIN',
      intro: 'Without a PIN, Médiane no longer locks and self-service mode is not available.',
      submit: 'Remove the PIN',
      done: 'The PIN is removed.',
      errorTitle: 'The PIN was not removed',
    },
    idle: {
      title: 'Automatic lock',
      label: 'Lock after',
      hint: 'without activity in Médiane',
      minutes_one: '{{count}} minute',
      minutes_other: '{{count}} minutes',
      submit: 'Save the delay',
      done: 'The delay is saved.',
      errorTitle: 'The delay was not saved',
    },
    selfService: {
      title: 'Self-service mode',
      intro:
        'The computer shows the diagnosis only: no journal, no settings, no shortcuts. Leaving it asks for the PIN.',
      needsPin: 'Set a lock PIN first.',
      start: 'Start self-service mode',
      errorTitle: 'Self-service mode did not start',
    },
  },
  selfService: {
    leave: 'Leave self-service',
    leaveTitle: 'Leave self-service mode',
    leaveIntro: 'For the site’s staff: enter the lock PIN.',
    leaveSubmit: 'Leave self-service',
    close: 'Close',
  },
};
