// Texts of the core's refusals for the app lock (keys "lock.…"), filed by the shell under the "errors" namespace.
export const fr = {
  locked: 'Médiane est verrouillé : saisissez le code pour continuer.',
  selfServiceOnly: 'Cet ordinateur est en mode libre-service : seul le diagnostic est disponible.',
  wrongPin: 'Ce code n’est pas le bon.',
  tooSoon: 'Trop de codes erronés : patientez avant de réessayer.',
  noPin: 'Aucun code de verrouillage n’est défini.',
  currentPinRequired: 'Saisissez le code actuel.',
  stateDamaged:
    'Le fichier du verrouillage est illisible : Médiane reste verrouillé. Le service informatique doit retirer le code (voir « Code oublié » dans la documentation).',
  pinFormat: 'Le code compte de 4 à 8 chiffres.',
  idleRange: 'Choisissez un délai de 1 à 240 minutes.',
};

export const en: typeof fr = {
  locked: 'Médiane is locked: enter the PIN to carry on.',
  selfServiceOnly: 'This computer is in self-service mode: only the diagnosis is available.',
  wrongPin: 'This PIN is not the right one.',
  tooSoon: 'Too many wrong PINs: wait before trying again.',
  noPin: 'No lock PIN is set.',
  currentPinRequired: 'Enter the current PIN.',
  stateDamaged:
    'The lock’s file cannot be read: Médiane stays locked. IT must remove the PIN (see “Forgotten PIN” in the documentation).',
  pinFormat: 'The PIN has 4 to 8 digits.',
  idleRange: 'Choose a delay from 1 to 240 minutes.',
};
