import { describe, expect, it } from 'vitest';
import { findPersonalData, maskPersonalData, type PersonalDataKind } from '../../shared/notes/personal-data';

/** What the detector found, as [kind, matched text]. */
function found(text: string): Array<[PersonalDataKind, string]> {
  return findPersonalData(text).map((m) => [m.kind, text.slice(m.start, m.end)]);
}

const mask = (text: string) => maskPersonalData(text, (k) => `[${k}]`);

/** A NIR body (13 characters, Corsica as 2A/2B) with its control key: 97 - (body mod 97). */
function withKey(body: string): string {
  const numeric = BigInt(body.replace('2A', '19').replace('2B', '18'));
  const key = 97n - (numeric % 97n);
  return body + String(key).padStart(2, '0');
}
function wrongKey(body: string): string {
  const right = withKey(body).slice(13);
  const wrong = String((Number(right) % 97) + 1).padStart(2, '0');
  return body + wrong;
}

describe('personal data in notes', () => {
  describe('phone numbers', () => {
    it.each([
      ['06 12 34 56 78'],
      ['06.12.34.56.78'],
      ['06-12-34-56-78'],
      ['0612345678'],
      ['01 42 68 53 00'],
      ['+33 6 12 34 56 78'],
      ['+33612345678'],
      ['+33 (0)6 12 34 56 78'],
      ['0033612345678'],
      ['0033 6 12 34 56 78'],
    ])('finds %s', (phone) => {
      expect(found(`Rappeler au ${phone} demain.`)).toEqual([['phone', phone]]);
    });
  });

  describe('e-mail addresses', () => {
    it.each([['jean.dupont@example.fr'], ['marie-claire+caf@orange.fr'], ['Sébastien.Lefèvre@laposte.net']])(
      'finds %s',
      (mail) => {
        expect(found(`Son adresse : ${mail}, à vérifier`)).toEqual([['email', mail]]);
      },
    );
  });

  describe('NIR (numéro de sécurité sociale)', () => {
    const body = '1850578006084';
    it('finds a NIR whose key is right, with or without spaces', () => {
      const nir = withKey(body);
      expect(found(`NIR ${nir} transmis`)).toEqual([['nir', nir]]);
      const spaced = `${nir.slice(0, 1)} ${nir.slice(1, 3)} ${nir.slice(3, 5)} ${nir.slice(5, 7)} ${nir.slice(7, 10)} ${nir.slice(10, 13)} ${nir.slice(13)}`;
      expect(found(`sécu : ${spaced}.`)).toEqual([['nir', spaced]]);
    });
    it('finds a NIR born in Corsica (2A / 2B)', () => {
      for (const corsican of ['269052A123456', '178112B045012']) {
        const nir = withKey(corsican);
        expect(found(`n° ${nir}`)).toEqual([['nir', nir]]);
      }
    });
    it('does not flag 15 digits whose key is wrong', () => {
      const bad = wrongKey(body);
      expect(bad).not.toBe(withKey(body));
      expect(found(`référence ${bad}`)).toEqual([]);
    });
  });

  describe('IBAN', () => {
    it('finds a French IBAN with a valid checksum, grouped or not', () => {
      expect(found('IBAN FR76 3000 6000 0112 3456 7890 189 pour le virement')).toEqual([
        ['iban', 'FR76 3000 6000 0112 3456 7890 189'],
      ]);
      expect(found('rib FR7630006000011234567890189')).toEqual([['iban', 'FR7630006000011234567890189']]);
    });
    it('does not flag an IBAN-looking string with a wrong checksum', () => {
      expect(found('IBAN FR76 3000 6000 0112 3456 7890 188')).toEqual([]);
    });
  });

  describe('numéro fiscal', () => {
    it.each([['0123456789012'], ['3012345678901'], ['01 23 456 789 012']])('finds %s', (n) => {
      expect(found(`Numéro fiscal ${n} sur l'avis`)).toEqual([['taxNumber', n]]);
    });
    it('still masks a 13-digit number starting with 1 or 2 (indistinguishable from a NIR without its key)', () => {
      for (const n of ['1234567890123', '2123456789012']) {
        expect(findPersonalData(`fiscal ${n}`)).toHaveLength(1);
      }
    });
  });

  describe('postal addresses', () => {
    it.each([
      ['12 rue de la Paix'],
      ['3 bis avenue Jean Jaurès'],
      ['75011 Paris'],
      ['8 allée des Tilleuls'],
      ['45 boulevard Voltaire'],
      ['12 Rue de la Paix'],
      ['12 RUE DE LA PAIX'],
      ['3 Bis Avenue Foch'],
      ['12, rue de la République'],
      ['4 rue du 8 Mai'],
      ["3 rue d'Alsace-Lorraine"],
      ["2 place de l'Église"],
      ['12 cours Lafayette'],
      ['76600 Le Havre'],
      ['42000 Saint-Étienne'],
    ])('finds %s', (address) => {
      expect(found(`Habite ${address}. Revenir lundi`)).toEqual([['address', address]]);
    });

    it('masks the address, not the rest of the sentence', () => {
      expect(found('Habite 12 rue de la Paix et doit revenir lundi')).toEqual([['address', '12 rue de la Paix']]);
      expect(found('habite 12 rue de la paix et doit revenir lundi')).toEqual([['address', '12 rue de la paix']]);
      expect(found('12 rue Paul Bert\nMadame a rappelé')).toEqual([['address', '12 rue Paul Bert']]);
      expect(found('12 rue Paul Bert 69003 Lyon')).toEqual([
        ['address', '12 rue Paul Bert'],
        ['address', '69003 Lyon'],
      ]);
    });
  });

  describe('no false alarms on ordinary notes', () => {
    it.each([
      ['Accompagnement de 30 min sur la messagerie'],
      ['Rendez-vous le 12/03/2026 à 14h30'],
      ['Rendez-vous le 12.03.2026'],
      ['Montant du rappel : 1 250 €'],
      ['Aide de 1 250,50 € versée en 2025'],
      ["La CAF a versé l'aide au logement, dossier à compléter avec l'attestation employeur"],
      ['Demande de RSA faite, 3 pièces à fournir, revenir dans 15 jours'],
      ['Atelier de 2 h pour 8 personnes au 2e étage'],
      ['Déclaration de revenus 2025 faite sur impots.gouv.fr'],
      ['A suivi 3 cours de bureautique à la médiathèque'],
      ['A fait 1 passage à la CAF puis 1 à la CPAM'],
      ['Il reste 2 place pour le prochain atelier'],
    ])('%s', (note) => {
      expect(found(note)).toEqual([]);
      expect(mask(note)).toBe(note);
    });
  });

  describe('masking', () => {
    it('replaces each finding with its marker and keeps the rest of the text', () => {
      const nir = withKey('2940375120005');
      const note = `Mme X, tél 06 12 34 56 78, mail x.y@free.fr, NIR ${nir}, IBAN FR76 3000 6000 0112 3456 7890 189, habite 12 rue de la Paix. 30 min.`;
      expect(found(note).map(([k]) => k)).toEqual(['phone', 'email', 'nir', 'iban', 'address']);
      expect(mask(note)).toBe('Mme X, tél [phone], mail [email], NIR [nir], IBAN [iban], habite [address]. 30 min.');
    });
    it('leaves a clean note as it is, and masking twice changes nothing more', () => {
      const note = 'Appel au 06 12 34 56 78 pour le dossier CAF';
      const once = mask(note);
      expect(once).toBe('Appel au [phone] pour le dossier CAF');
      expect(mask(once)).toBe(once);
    });
    it('findings never overlap and are in text order', () => {
      const note = 'a@b.fr 06 12 34 56 78 0123456789012 75011 Paris FR7630006000011234567890189';
      const matches = findPersonalData(note);
      for (let i = 1; i < matches.length; i++) expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.end);
      expect(matches.map((m) => m.kind)).toEqual(['email', 'phone', 'taxNumber', 'address', 'iban']);
    });
  });
});
