import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from '../clients/client.entity';
import { ContractsModule } from '../contracts/contracts.module';
import { PracticeModule } from '../practice/practice.module';
import { Article } from './article.entity';
import { ArticlesController } from './articles.controller';
import { ArticlesService } from './articles.service';
import { Deflection } from './deflection.entity';
import { DeflectionsController } from './deflections.controller';
import { DeflectionsService } from './deflections.service';
import { SearchIndexService } from './search-index.service';
import { SuggestionsController } from './suggestions.controller';
import { SuggestionsService } from './suggestions.service';
import { SynonymGroup } from './synonym-group.entity';
import { SynonymsController } from './synonyms.controller';
import { SynonymsService } from './synonyms.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Article, Deflection, Client, SynonymGroup]),
    ContractsModule,
    PracticeModule,
  ],
  controllers: [
    ArticlesController,
    SuggestionsController,
    DeflectionsController,
    SynonymsController,
  ],
  providers: [
    ArticlesService,
    SuggestionsService,
    DeflectionsService,
    SynonymsService,
    SearchIndexService,
  ],
  exports: [ArticlesService, SuggestionsService, DeflectionsService, SynonymsService],
})
export class KnowledgeModule {}
