import { Injectable, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CreditNotesService } from '../invoicing/credit-notes.service';
import { DraftsService } from '../invoicing/drafts.service';
import { IssuingService } from '../invoicing/issuing.service';
import { PaymentsService } from '../invoicing/payments.service';

/**
 * The feature services behind the console's actions that their module does not export (drafts,
 * issuing, payments, credit notes). They are taken from the application's
 * container, so the pages drive the very instances the API uses. Once a module exports one,
 * inject it directly instead.
 */
@Injectable()
export class ConsoleServices {
  constructor(private readonly modules: ModuleRef) {}

  get drafts(): DraftsService {
    return this.find(DraftsService);
  }

  get issuing(): IssuingService {
    return this.find(IssuingService);
  }

  get payments(): PaymentsService {
    return this.find(PaymentsService);
  }

  get creditNotes(): CreditNotesService {
    return this.find(CreditNotesService);
  }

  private find<T>(type: Type<T>): T {
    return this.modules.get(type, { strict: false });
  }
}
