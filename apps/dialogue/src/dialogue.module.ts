import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { StaffAuthModule } from '@libs/common/auth/staff-auth.module';
import { databaseModule } from '@libs/common/database/database.module';
import { HealthModule } from '@libs/common/health/health.module';
import { KafkaModule } from '@libs/common/kafka/kafka.module';
import { LoggingModule } from '@libs/common/logging/logging.module';
import { RedisModule } from '@libs/common/redis/redis.module';
import { Clock, SystemClock } from '@libs/common/time/clock';
import { CalculatorsModule } from './calculators/calculators.module';
import { Bundles } from './bundles/bundle';
import { DIALOGUE_CONFIG, DialogueConfig } from './config';
import { CitizenMessagesHandler } from './conversation/citizen-messages.handler';
import { ConversationStates } from './conversation/conversation-state';
import { AlertSubscriptionFlow } from './conversation/alert-subscription-flow';
import { ReminderFlow } from './conversation/reminder-flow';
import { EligibilityFlow } from './conversation/eligibility-flow';
import { HandoffFlow } from './conversation/handoff-flow';
import { KnowledgeFlow } from './conversation/knowledge-flow';
import { TaxFlow } from './conversation/tax-flow';
import { EligibilityRuleSets } from './eligibility/eligibility-rule-sets';
import { categoryClassifier } from './nlu/classifier/category-classifier';
import { intentClassifier } from './nlu/classifier/intent-classifier';
import { MessageReader } from './nlu/message-reader';
import { NluController } from './nlu/nlu.controller';
import { Surveys } from './surveys/survey';
import { SurveyFlow } from './surveys/survey-flow';
import { SurveysController } from './surveys/surveys.controller';
import { HandleCitizenMessage } from './conversation/handle-citizen-message.use-case';
import { dialogueDatabase } from './database';
import { AgentController } from './handoff/agent.controller';
import { HandoffQueue } from './handoff/handoff-queue';
import { KnowledgeBase, TOKENIZER } from './knowledge/knowledge-base';
import { KnowledgeController } from './knowledge/knowledge.controller';
import { KnowledgeStore } from './knowledge/knowledge-store';
import { Segmenter } from './nlu/segmentation/segmenter';
import { TellCitizenAboutTicket } from './tickets/tell-citizen-about-ticket.use-case';
import { TicketProgressStore } from './tickets/ticket-progress';
import { TicketEventsHandler } from './tickets/ticket-events.handler';

export const DIALOGUE_GROUP_ID = 'dialogue';

@Module({})
export class DialogueModule {
  static forRoot(config: DialogueConfig, logger: Logger): DynamicModule {
    return {
      module: DialogueModule,
      imports: [
        LoggingModule.forRoot(logger),
        databaseModule(dialogueDatabase(config.DATABASE_URL)),
        RedisModule.forRoot(config.REDIS_URL, 'dialogue'),
        KafkaModule.forRoot({ clientId: 'dialogue', groupId: DIALOGUE_GROUP_ID, brokers: config.KAFKA_BROKERS }),
        StaffAuthModule.forRoot(config.JWT_SECRET),
        HealthModule,
        CalculatorsModule,
      ],
      controllers: [
        CitizenMessagesHandler,
        TicketEventsHandler,
        KnowledgeController,
        AgentController,
        NluController,
        SurveysController,
      ],
      providers: [
        { provide: DIALOGUE_CONFIG, useValue: config },
        { provide: Clock, useClass: SystemClock },
        { provide: Segmenter, useFactory: () => Segmenter.load() },
        {
          provide: TOKENIZER,
          inject: [Segmenter],
          useFactory: (segmenter: Segmenter) => (text: string) => segmenter.tokens(text),
        },
        ConversationStates,
        HandoffQueue,
        {
          provide: MessageReader,
          inject: [Segmenter],
          // The service's city: the district code with its last two digits zeroed.
          useFactory: (segmenter: Segmenter) =>
            new MessageReader(
              segmenter,
              intentClassifier(segmenter),
              categoryClassifier(segmenter),
              `${config.DEFAULT_REGION_CODE.slice(0, 4)}00`,
            ),
        },
        KnowledgeFlow,
        TaxFlow,
        EligibilityFlow,
        HandoffFlow,
        SurveyFlow,
        AlertSubscriptionFlow,
        ReminderFlow,
        { provide: Bundles, useFactory: () => Bundles.load(config.BUNDLES_DIR) },
        { provide: Surveys, useFactory: () => Surveys.load(config.SURVEYS_DIR) },
        { provide: EligibilityRuleSets, useFactory: () => EligibilityRuleSets.load(config.ELIGIBILITY_RULES_DIR) },
        KnowledgeStore,
        KnowledgeBase,
        HandleCitizenMessage,
        TellCitizenAboutTicket,
        TicketProgressStore,
      ],
    };
  }
}
