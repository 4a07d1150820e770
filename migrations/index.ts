import { Foundation1764400000000 } from './1764400000000-Foundation';
import { ContractsRequestsInterventions1764500000000 } from './1764500000000-ContractsRequestsInterventions';
import { RequestCommentsAlerts1764600000000 } from './1764600000000-RequestCommentsAlerts';
import { Knowledge1764610000000 } from './1764610000000-Knowledge';
import { Invoicing1764700000000 } from './1764700000000-Invoicing';
import { Reports1764800000000 } from './1764800000000-Reports';
import { AlertFigures1764900000000 } from './1764900000000-AlertFigures';
import { LegalInvoicing1765100000000 } from './1765100000000-LegalInvoicing';
import { ServerSecrets1765200000000 } from './1765200000000-ServerSecrets';
import { TokenVersions1765300000000 } from './1765300000000-TokenVersions';
import { OnePrice1765400000000 } from './1765400000000-OnePrice';
import { FeeTiming1765500000000 } from './1765500000000-FeeTiming';
import { Outbox1765600000000 } from './1765600000000-Outbox';
import { MailAccount1765610000000 } from './1765610000000-MailAccount';
import { MailDigest1765620000000 } from './1765620000000-MailDigest';
import { InvoiceMail1765630000000 } from './1765630000000-InvoiceMail';
import { LegalMentions1765710000000 } from './1765710000000-LegalMentions';
import { Trainings1765800000000 } from './1765800000000-Trainings';
import { Synonyms1765800000001 } from './1765800000001-Synonyms';
import { WorkingTimeLimits1765900000000 } from './1765900000000-WorkingTimeLimits';
import { WorkFigures1766000000000 } from './1766000000000-WorkFigures';
import { WorkDayPieces1766000000001 } from './1766000000001-WorkDayPieces';

/** Every migration, in order. A new migration file is added here too. */
export const ALL_MIGRATIONS = [
  Foundation1764400000000,
  ContractsRequestsInterventions1764500000000,
  RequestCommentsAlerts1764600000000,
  Knowledge1764610000000,
  Invoicing1764700000000,
  Reports1764800000000,
  AlertFigures1764900000000,
  LegalInvoicing1765100000000,
  ServerSecrets1765200000000,
  TokenVersions1765300000000,
  OnePrice1765400000000,
  FeeTiming1765500000000,
  Outbox1765600000000,
  MailAccount1765610000000,
  MailDigest1765620000000,
  InvoiceMail1765630000000,
  LegalMentions1765710000000,
  Trainings1765800000000,
  Synonyms1765800000001,
  WorkingTimeLimits1765900000000,
  WorkFigures1766000000000,
  WorkDayPieces1766000000001,
];
