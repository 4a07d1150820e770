/** The demo knowledge base: short, practical articles in French, as a consultant would write them. */
import type { ClientKey } from './cast';

export interface DemoArticle {
  title: string;
  tags: string[];
  published: boolean;
  /** Empty: every client may read it. */
  onlyFor: ClientKey[];
  body: string;
}

export const ARTICLES: readonly DemoArticle[] = [
  {
    title: "L'imprimante réseau n'imprime plus",
    tags: ['imprimante', 'impression', 'réseau'],
    published: true,
    onlyFor: [],
    body: `Dans 9 cas sur 10, l'imprimante n'est pas en panne : c'est la file d'attente qui est bloquée.

1. Regardez l'écran de l'imprimante : **bourrage**, **bac vide** ou **toner** ? Réglez-le d'abord.
2. Sur votre poste, ouvrez **Paramètres › Imprimantes et scanners**, choisissez l'imprimante puis
   **Ouvrir la file d'attente** et annulez le document en tête de liste.
3. Éteignez l'imprimante 30 secondes, rallumez-la, attendez qu'elle affiche **Prête**.
4. Relancez l'impression.

Si **plusieurs personnes** ne peuvent plus imprimer, ou si l'imprimante affiche une adresse IP
en 169.254.x.x, faites une demande (niveau *normal* : on peut imprimer sur l'autre étage en
attendant).`,
  },
  {
    title: 'Se connecter au VPN depuis la maison',
    tags: ['vpn', 'télétravail', 'accès distant'],
    published: true,
    onlyFor: [],
    body: `Le VPN donne accès aux dossiers partagés et aux logiciels métier depuis l'extérieur.

1. Vérifiez d'abord que **internet fonctionne** sans le VPN (ouvrez un site quelconque).
2. Lancez **FortiClient**, choisissez la connexion **Bureau**, saisissez votre identifiant
   habituel (prenom.nom) et votre mot de passe Windows.
3. Validez la notification sur votre téléphone (double authentification).

**Ça ne se connecte pas ?**

- *Identifiants incorrects* : votre mot de passe a peut-être expiré, voir l'article « Mot de
  passe oublié ou expiré ».
- *Délai dépassé* : le Wi-Fi d'un hôtel ou d'un train bloque parfois le VPN ; essayez le partage
  de connexion de votre téléphone.

Un VPN qui ne marche pas pour **une** personne est une demande *normale*, pas critique.`,
  },
  {
    title: 'Mot de passe oublié ou expiré',
    tags: ['mot de passe', 'compte', 'microsoft 365'],
    published: true,
    onlyFor: [],
    body: `Votre mot de passe expire tous les 180 jours ; Windows vous prévient 14 jours avant.

**Vous le connaissez encore** : appuyez sur *Ctrl + Alt + Suppr* puis **Modifier un mot de passe**.

**Vous l'avez oublié** : allez sur \`https://aka.ms/sspr\` depuis votre téléphone, saisissez votre
adresse e-mail professionnelle et suivez les étapes (code reçu par SMS).

Un bon mot de passe : une phrase de quatre mots ou plus, par exemple
*« cheval-agrafe-pluie-2026 »*. Jamais le même que pour un site personnel.

Après **5 essais ratés**, le compte se verrouille 15 minutes : inutile d'insister, attendez ou
faites une demande.`,
  },
  {
    title: 'Vérifier que la sauvegarde de la nuit a réussi',
    tags: ['sauvegarde', 'serveur', 'nas'],
    published: true,
    onlyFor: [],
    body: `Chaque nuit à 22 h, le serveur copie les dossiers partagés sur le NAS, puis le NAS envoie une
copie chiffrée hors du bureau.

Chaque matin, un e-mail **« Rapport de sauvegarde »** arrive dans la boîte de la personne
référente :

| Objet de l'e-mail | Que faire |
|---|---|
| ✅ Succès | rien |
| ⚠️ Avertissement | rien aujourd'hui ; si cela se répète 3 jours de suite, faites une demande |
| ❌ Échec | faites une demande *haute* le jour même |

Ne débranchez jamais le NAS (le boîtier noir dans la baie) et laissez le serveur allumé le soir.

Pour **retrouver un fichier effacé**, faites une demande en indiquant son nom, son dossier et la
date à laquelle il existait encore.`,
  },
  {
    title: 'Donner le Wi-Fi à un visiteur',
    tags: ['wi-fi', 'invités', 'réseau'],
    published: true,
    onlyFor: [],
    body: `Ne donnez **jamais** le mot de passe du Wi-Fi du bureau : il ouvre l'accès au serveur et aux
imprimantes.

Le réseau **Invites** est fait pour les visiteurs : il donne accès à internet seulement.

1. Le code du jour est affiché sur l'écran de l'accueil (il change chaque lundi).
2. Le visiteur choisit le réseau **Invites**, saisit le code et accepte les conditions.
3. L'accès dure 8 heures.

Pour une formation ou une réunion de plus de 10 personnes, prévenez une semaine avant : une
demande *basse* suffit.`,
  },
  {
    title: 'Un e-mail vous semble suspect (hameçonnage)',
    tags: ['sécurité', 'messagerie', 'hameçonnage'],
    published: true,
    onlyFor: [],
    body: `Signes qui doivent alerter : une urgence inhabituelle (« virement à faire aujourd'hui »), un
expéditeur qui ressemble presque à un contact connu, une pièce jointe inattendue, un lien vers
une page de connexion.

- **Ne cliquez pas**, ne répondez pas, ne transférez pas à vos collègues.
- Dans Outlook : **Signaler › Hameçonnage**.
- Un doute sur un changement de RIB d'un fournisseur ? Appelez-le au numéro que vous
  connaissez déjà, pas à celui de l'e-mail.

**Vous avez cliqué et saisi votre mot de passe ?** Changez-le tout de suite puis faites une
demande *critique* : c'est une vraie urgence.`,
  },
  {
    title: 'Avant de faire une demande : ce qui fait gagner du temps',
    tags: ['demande', 'urgence', 'support'],
    published: true,
    onlyFor: [],
    body: `Une bonne demande est résolue deux fois plus vite. Indiquez :

1. **Qui** est touché : une personne, un service, tout le monde ?
2. **Depuis quand**, et ce qui a changé juste avant (mise à jour, déménagement d'un poste…).
3. Le **message d'erreur exact** (une photo de l'écran suffit).

**Choisir le bon niveau**

- *Critique* : l'activité est arrêtée pour tout le monde ou des données sont en danger.
- *Haute* : un service entier est gêné, sans solution de contournement.
- *Normale* : une personne est gênée, ou il existe un contournement.
- *Basse* : une question, une demande d'évolution, un achat à prévoir.

Votre contrat prévoit un nombre de demandes urgentes par mois ; le portail vous montre combien
il en reste avant que vous validiez.`,
  },
  {
    title: 'Le logiciel de dossiers patients ne répond plus',
    tags: ['dossier patient', 'logiciel métier'],
    published: true,
    onlyFor: ['tilleuls'],
    body: `Si **un seul poste** est concerné : fermez complètement le logiciel, redémarrez le poste, relancez.

Si **tous les postes** sont concernés :

1. Vérifiez que le serveur **SRV-DPI** (baie du rez-de-chaussée) est allumé : voyant bleu fixe.
2. Ne le redémarrez pas vous-même pendant les consultations.
3. Faites une demande *critique* : l'astreinte 24/7 couvre ce cas, la réponse arrive en
   moins de 30 minutes, jour et nuit.`,
  },
  {
    title: 'Migration de la messagerie vers Microsoft 365 (brouillon)',
    tags: ['microsoft 365', 'messagerie', 'projet'],
    published: false,
    onlyFor: ['acme'],
    body: `Notes de préparation, à relire avant publication.

- Inventaire des boîtes et des alias
- Bascule des enregistrements MX un vendredi soir
- Reconfiguration d'Outlook le lundi matin, poste par poste`,
  },
];
