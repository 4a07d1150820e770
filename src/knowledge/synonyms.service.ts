import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { invalid } from '../common/domain-error';
import { Locks } from '../common/locks';
import { Transactions } from '../common/transactions';
import { ReplaceSynonymsDto, SynonymGroupList } from './dto/synonym.dto';
import { SearchIndexService } from './search-index.service';
import { SynonymGroup } from './synonym-group.entity';
import { foldText, synonymTable, type SynonymTable } from './text-analysis';

/** The consultant's synonyms: kept here, read by the suggestions and the coaching topics. */
@Injectable()
export class SynonymsService {
  constructor(
    @InjectRepository(SynonymGroup) private readonly groups: Repository<SynonymGroup>,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly searchIndex: SearchIndexService,
  ) {}

  async list(): Promise<SynonymGroupList> {
    const items = await this.groups.find({ order: { createdAt: 'ASC', id: 'ASC' } });
    return { items, total: items.length };
  }

  /** Replaces every group at once: what the consultant keeps is the list as sent. */
  async replace(dto: ReplaceSynonymsDto): Promise<SynonymGroupList> {
    const now = this.clock.now();
    const groups = dto.groups.map((group, index) => {
      const expressions = [...new Set(group.expressions.map((e) => e.trim()))].filter(
        (e) => foldText(e) !== '',
      );
      if (new Set(expressions.map(foldText)).size < 2) {
        // `index` from 0 for programs, `group` from 1 for people.
        throw invalid('expressions', 'at least two different expressions', {
          min: 2,
          index,
          group: index + 1,
        });
      }
      // Kept in the order given: one millisecond apart, read back oldest first.
      return { expressions, createdAt: new Date(now.getTime() + index) };
    });
    await this.transactions.run(
      async (manager) => {
        const repository = manager.getRepository(SynonymGroup);
        await repository.createQueryBuilder().delete().execute();
        if (groups.length) await repository.save(groups.map((g) => repository.create(g)));
      },
      [Locks.synonyms],
    );
    this.searchIndex.changed();
    return this.list();
  }

  /** Every group, oldest first, as the text library reads them. */
  async table(): Promise<SynonymTable> {
    const groups = await this.groups.find({ order: { createdAt: 'ASC', id: 'ASC' } });
    return synonymTable(groups.map((g) => g.expressions));
  }
}
