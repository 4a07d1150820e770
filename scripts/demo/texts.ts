/** What the demo's requests and interventions say: the everyday problems of small offices. */
import type { ClientKey } from './cast';

export interface Problem {
  title: string;
  description: string;
  /** What the consultant wrote on the intervention. */
  fix: string;
}

const problem = (title: string, description: string, fix: string): Problem => ({
  title,
  description,
  fix,
});

export const EVERYDAY_PROBLEMS: readonly Problem[] = [
  problem(
    "Impossible d'imprimer sur l'imprimante du 1er étage",
    'Les documents restent en attente depuis ce matin, pour tout le service.',
    "File d'impression bloquée : spouleur redémarré, pilote mis à jour sur les postes.",
  ),
  problem(
    "Outlook ne reçoit plus d'e-mails",
    "Plus rien depuis 10 h ; l'envoi fonctionne.",
    'Profil Outlook reconstruit, synchronisation de la boîte vérifiée avec l’utilisateur.',
  ),
  problem(
    'Le VPN ne se connecte pas depuis la maison',
    'Message « délai dépassé » à chaque tentative.',
    'Certificat VPN renouvelé sur le portable, connexion testée avec l’utilisatrice.',
  ),
  problem(
    'Compte verrouillé',
    'Mot de passe refusé après la mise à jour de Windows.',
    'Compte déverrouillé, mot de passe réinitialisé, double authentification vérifiée.',
  ),
  problem(
    'Le serveur de fichiers est très lent',
    "Ouvrir un dossier partagé prend près d'une minute.",
    'Disque système saturé par des journaux : nettoyage et rotation automatique configurée.',
  ),
  problem(
    "Le poste de l'accueil redémarre tout seul",
    'Plusieurs redémarrages par jour, sans message.',
    'BIOS et pilote graphique mis à jour, test mémoire sans erreur, poste surveillé.',
  ),
  problem(
    'Échec de la sauvegarde de cette nuit',
    'Le rapport du matin indique une erreur.',
    'Espace libéré sur le NAS, sauvegarde relancée et rapport vérifié.',
  ),
  problem(
    'Nouvel arrivant lundi',
    'Prévoir un compte, un portable et les accès aux dossiers de son service.',
    'Compte créé, portable préparé, droits appliqués, accueil de la personne.',
  ),
  problem(
    'Wi-Fi instable en salle de réunion',
    'Coupures pendant les visioconférences.',
    'Borne déplacée et canal changé, mesure de couverture faite.',
  ),
  problem(
    'Écran noir sur un poste de la comptabilité',
    "L'unité centrale est allumée mais l'écran reste noir.",
    'Câble DisplayPort défectueux remplacé.',
  ),
  problem(
    'Alerte de l’antivirus',
    'Un fichier a été mis en quarantaine sur un poste.',
    'Analyse complète du poste, faux positif confirmé, exclusion documentée.',
  ),
  problem(
    'Le logiciel de paie ne démarre plus',
    "Erreur de licence à l'ouverture.",
    "Licence réactivée auprès de l'éditeur, poste testé avec la gestionnaire de paie.",
  ),
  problem(
    'Le copieur n’envoie plus les numérisations',
    'Le scan vers le dossier partagé échoue.',
    'Mot de passe du compte de numérisation mis à jour sur le copieur.',
  ),
  problem(
    'Téléphone sans tonalité',
    'Le poste téléphonique du bureau 4 affiche « non enregistré ».',
    'Poste reconfiguré, port du commutateur réactivé.',
  ),
  problem(
    'Partager un agenda',
    "L'assistante doit pouvoir gérer l'agenda de la direction.",
    'Délégation d’agenda configurée et expliquée.',
  ),
];

export const CLIENT_PROBLEMS: Record<ClientKey, readonly Problem[]> = {
  acme: [
    problem(
      'Terminal de préparation de commandes hors ligne',
      'Le terminal du quai 2 ne se connecte plus au Wi-Fi de l’entrepôt.',
      'Profil Wi-Fi réinstallé sur le terminal, borne de l’entrepôt redémarrée.',
    ),
    problem(
      'Étiquettes d’expédition mal imprimées',
      'Le code-barres est coupé sur les étiquettes.',
      "Format d'étiquette corrigé dans le pilote de l'imprimante thermique.",
    ),
  ],
  boreal: [
    problem(
      "Le traceur n'imprime plus les plans A0",
      'Les plans partent mais rien ne sort.',
      'Pilote du traceur réinstallé, rouleau recalibré.',
    ),
    problem(
      'Licence du logiciel de DAO expirée',
      "Message de licence à l'ouverture sur deux postes.",
      'Licences réattribuées depuis la console de l’éditeur.',
    ),
  ],
  tilleuls: [
    problem(
      'Imprimante des ordonnances bloquée',
      "Le secrétariat ne peut plus imprimer d'ordonnances.",
      'Bac et file d’attente débloqués, pilote reconfiguré.',
    ),
    problem(
      'Lecteur de cartes Vitale non reconnu',
      'Le lecteur du cabinet 3 n’est plus détecté.',
      'Pilote du lecteur réinstallé, test de lecture réussi.',
    ),
  ],
};

/** What makes a client call "critical" — sometimes rightly. */
export const CRITICAL_PROBLEMS: Record<ClientKey, readonly Problem[]> = {
  acme: [
    problem(
      "Plus d'accès à internet dans tout l'entrepôt",
      'Les expéditions du jour sont bloquées.',
      'Box opérateur redémarrée, bascule sur la ligne 4G de secours, ticket opérateur ouvert.',
    ),
    problem(
      'Logiciel de gestion d’entrepôt indisponible',
      'Personne ne peut préparer de commande.',
      'Service de base de données redémarré après saturation du disque ; espace libéré.',
    ),
  ],
  boreal: [
    problem(
      'Serveur de fichiers inaccessible',
      'Aucun plan ne s’ouvre, rendu client demain.',
      'Partage rétabli après redémarrage du service, disque vérifié.',
    ),
  ],
  tilleuls: [
    problem(
      'Le logiciel de dossiers patients ne répond plus',
      'Tous les postes sont figés, consultations en cours.',
      'Service applicatif relancé sur SRV-DPI, verrou de base libéré, contrôle avec le secrétariat.',
    ),
    problem(
      'Messages suspects envoyés à nos patients',
      "Des patients reçoivent des e-mails étranges venant de l'accueil.",
      'Compte compromis bloqué, mot de passe changé, règles de transfert supprimées, analyse des connexions.',
    ),
  ],
};

export const CONSULTING_TASKS: readonly string[] = [
  'Audit des comptes et des droits d’accès',
  'Préparation du renouvellement des portables',
  'Test de restauration de la sauvegarde (plan de reprise)',
  'Réunion mensuelle de suivi avec la direction',
  'Mise en place de la double authentification',
  'Inventaire du parc et des licences',
  'Durcissement de la configuration du pare-feu',
];

export const TRAINING_TASKS: readonly string[] = [
  'Formation Teams et SharePoint (groupe de 6)',
  'Sensibilisation au hameçonnage',
  'Formation des nouveaux arrivants aux outils internes',
];

export const FALSE_URGENCY_REASONS: readonly string[] = [
  "Un seul poste concerné et l'impression reste possible à l'autre étage : pas d'urgence.",
  "Demande d'évolution, pas une panne : traitée comme une demande normale.",
  'Contournement disponible (article VPN de la base de connaissances) : niveau normal.',
  'Le service fonctionne pour tous les autres utilisateurs.',
];

export const CONSULTANT_REPLIES: readonly string[] = [
  'Bien reçu, je prends la main à distance dans la matinée.',
  'Je regarde ça dès que je sors de réunion.',
  "Pouvez-vous m'envoyer une photo du message d'erreur ?",
  'Je passe sur place cet après-midi.',
];

export const CLIENT_THANKS: readonly string[] = [
  'Merci, tout fonctionne à nouveau !',
  'Parfait, merci pour la rapidité.',
  "C'est réglé de notre côté, merci.",
];

export const MAINTENANCE = 'Mises à jour mensuelles des serveurs (hors heures d’ouverture)';

export const PROJECTS: Record<'acme' | 'tilleuls', string> = {
  acme: 'Migration de la messagerie vers Microsoft 365',
  tilleuls: 'Déménagement du secrétariat : câblage, postes et téléphonie',
};
