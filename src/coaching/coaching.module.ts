import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Activity } from '../activities/activity.entity';
import { ClientsModule } from '../clients/clients.module';
import { ContractsModule } from '../contracts/contracts.module';
import { InterventionsModule } from '../interventions/interventions.module';
import { KnowledgeModule } from '../knowledge/knowledge.module';
import { PracticeModule } from '../practice/practice.module';
import { AutonomyController } from './autonomy.controller';
import { AutonomyService } from './autonomy.service';
import { CoachingController } from './coaching.controller';
import { TopicActionsService } from './topic-actions.service';
import { TopicsReader } from './topics-reader.service';
import { TopicsService } from './topics.service';
import { Training } from './training.entity';
import { TrainingsController } from './trainings.controller';
import { TrainingsService } from './trainings.service';

/**
 * Autonomy coaching: recurring topics from the requests (a read model in SQL, like reports),
 * articles and trainings that answer them, and each client's autonomy month by month.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Training, Activity]),
    PracticeModule,
    ClientsModule,
    ContractsModule,
    InterventionsModule,
    KnowledgeModule,
  ],
  controllers: [CoachingController, TrainingsController, AutonomyController],
  providers: [TopicsReader, TopicsService, TopicActionsService, TrainingsService, AutonomyService],
  exports: [TopicsService, TopicActionsService, TrainingsService, AutonomyService],
})
export class CoachingModule {}
