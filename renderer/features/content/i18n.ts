export const fr = {
  nav: { content: 'Contenus' },
  title: 'Contenus',
  intro:
    'Les guides pas à pas et le catalogue service-public.fr peuvent être mis à jour par des paquets signés par votre réseau, reçus sur une clé USB ou depuis le hub. Ce poste vérifie la signature de chaque paquet avant de l’installer, et n’accepte qu’une version plus récente que celle en service.',
  channel: {
    guides: 'Guides pas à pas',
    catalogue: 'Catalogue service-public.fr',
    diagnostic: 'Questionnaire du diagnostic',
  },
  table: {
    caption: 'Contenus en service sur ce poste',
    content: 'Contenu',
    version: 'Version en service',
    issuedAt: 'Émis le',
    expiresAt: 'Valable jusqu’au',
    keyId: 'Signé par la clé',
    state: 'État',
    shipped: {
      guides: 'Livrée avec l’application',
      catalogue: 'Aucun paquet (démonstration ou import depuis l’écran Catalogue)',
      diagnostic: 'Livrée avec l’application',
    },
    packVersion: 'Paquet version {{version}}',
    installedAt: 'installé le {{date}}',
    none: '—',
    valid: 'À jour',
    stale: 'Périmé',
    staleHelp: 'Toujours utilisé ; demandez une version plus récente à votre réseau.',
    unsupported: 'Mise à jour par paquet non prise en charge',
  },
  keys: 'Clés d’éditeur reconnues par ce poste : {{keys}}',
  noKeys: 'Aucune clé d’éditeur n’est installée sur ce poste : aucun paquet ne peut être accepté.',
  file: {
    title: 'Installer depuis un fichier',
    help: 'Choisissez le fichier de paquet (.json) reçu de votre réseau, par exemple sur une clé USB. Le type de contenu est lu dans le paquet.',
    button: 'Installer depuis un fichier',
    job: 'Installation du paquet de contenus',
  },
  hub: {
    title: 'Vérifier sur le hub',
    help: 'Demande au hub de votre réseau s’il a une version plus récente, et l’installe.',
    notEnrolled:
      'Ce poste n’est pas inscrit auprès d’un hub. Pour recevoir les paquets automatiquement, inscrivez-le dans l’écran « Synchronisation ».',
    button: 'Vérifier sur le hub : {{channel}}',
    job: 'Vérification sur le hub',
  },
  result: {
    installed: '{{channel}} : la version {{version}} est maintenant en service.',
    installedStale:
      '{{channel}} : la version {{version}} est maintenant en service, mais elle est périmée. Demandez une version plus récente à votre réseau.',
    upToDate: '{{channel}} : le hub n’a pas de version plus récente.',
    nothingPublished: '{{channel}} : le hub n’a encore publié aucun paquet.',
    cancelled: 'Aucun fichier choisi.',
    refusedTitle: 'Paquet refusé',
    issue: '{{path}} : {{message}}',
  },
};

export const en: typeof fr = {
  nav: { content: 'Content' },
  title: 'Content',
  intro:
    'Step-by-step guides and the service-public.fr catalogue can be updated with packs signed by your network, received on a USB key or from the hub. This computer checks each pack’s signature before installing it, and only accepts a version newer than the one in use.',
  channel: {
    guides: 'Step-by-step guides',
    catalogue: 'service-public.fr catalogue',
    diagnostic: 'Diagnosis questionnaire',
  },
  table: {
    caption: 'Content in use on this computer',
    content: 'Content',
    version: 'Version in use',
    issuedAt: 'Issued on',
    expiresAt: 'Valid until',
    keyId: 'Signed with key',
    state: 'State',
    shipped: {
      guides: 'Shipped with the application',
      catalogue: 'No pack (demonstration, or imported on the Catalogue screen)',
      diagnostic: 'Shipped with the application',
    },
    packVersion: 'Pack version {{version}}',
    installedAt: 'installed on {{date}}',
    none: '—',
    valid: 'Up to date',
    stale: 'Out of date',
    staleHelp: 'Still in use; ask your network for a newer version.',
    unsupported: 'Updates by pack not supported',
  },
  keys: 'Publisher keys this computer recognises: {{keys}}',
  noKeys: 'No publisher key is installed on this computer: no pack can be accepted.',
  file: {
    title: 'Install from a file',
    help: 'Choose the pack file (.json) your network sent, for example on a USB key. The kind of content is read from the pack.',
    button: 'Install from a file',
    job: 'Installing the content pack',
  },
  hub: {
    title: 'Check the hub',
    help: 'Asks your network’s hub whether it has a newer version, and installs it.',
    notEnrolled:
      'This computer is not enrolled with a hub. To receive packs automatically, enrol it on the “Synchronisation” screen.',
    button: 'Check the hub: {{channel}}',
    job: 'Checking the hub',
  },
  result: {
    installed: '{{channel}}: version {{version}} is now in use.',
    installedStale:
      '{{channel}}: version {{version}} is now in use, but it is out of date. Ask your network for a newer version.',
    upToDate: '{{channel}}: the hub has no newer version.',
    nothingPublished: '{{channel}}: the hub has not published any pack yet.',
    cancelled: 'No file chosen.',
    refusedTitle: 'Pack refused',
    issue: '{{path}}: {{message}}',
  },
};
