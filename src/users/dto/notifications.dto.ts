import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, ValidateIf } from 'class-validator';
import { Nested } from '../../common/validation';
import { LOCALES, type Locale } from '../../i18n/catalogue';

const ON = 'true: the person receives it; false: turned off';

/** Each notification a person can turn off; the API offers only their role's. */
export class NotificationSwitchesDto {
  @ApiPropertyOptional({ description: `Consultant: a new critical request, at once. ${ON}` })
  @IsOptional()
  @IsBoolean()
  readonly requestCritical?: boolean;
  @ApiPropertyOptional({
    description: `Consultant: other requests, comments and alerts, gathered at the digest hour. ${ON}`,
  })
  @IsOptional()
  @IsBoolean()
  readonly digest?: boolean;
  @ApiPropertyOptional({ description: `Consultant: the Monday workload report. ${ON}` })
  @IsOptional()
  @IsBoolean()
  readonly weeklyReport?: boolean;
  @ApiPropertyOptional({
    description: `Client: my requests received, answered, resolved or reclassified. ${ON}`,
  })
  @IsOptional()
  @IsBoolean()
  readonly myRequests?: boolean;
  @ApiPropertyOptional({ description: `Client: the contract's quota at 80 % and 100 %. ${ON}` })
  @IsOptional()
  @IsBoolean()
  readonly quotaAlert?: boolean;
}

export class UpdateNotificationsDto {
  @ApiPropertyOptional({
    enum: LOCALES,
    nullable: true,
    description: 'The language of one’s mail; null: the practice’s',
  })
  @ValidateIf((o: UpdateNotificationsDto) => o.locale !== null && o.locale !== undefined)
  @IsIn(LOCALES)
  readonly locale?: Locale | null;

  @ApiPropertyOptional({
    type: NotificationSwitchesDto,
    description: 'The switches to change; those left out stay as they are',
  })
  @IsOptional()
  @Nested(() => NotificationSwitchesDto)
  readonly notifications?: NotificationSwitchesDto;
}

export class NotificationSwitchesView {
  @ApiPropertyOptional() requestCritical?: boolean;
  @ApiPropertyOptional() digest?: boolean;
  @ApiPropertyOptional() weeklyReport?: boolean;
  @ApiPropertyOptional() myRequests?: boolean;
  @ApiPropertyOptional() quotaAlert?: boolean;
}

export class NotificationSettingsView {
  @ApiProperty({ description: 'The address one’s mail is sent to' }) email!: string;
  @ApiProperty({
    enum: LOCALES,
    nullable: true,
    type: String,
    description: 'The language chosen for one’s mail; null: the practice’s',
  })
  locale!: Locale | null;
  @ApiProperty({ enum: LOCALES, description: 'The language one’s mail is written in' })
  mailLocale!: Locale;
  @ApiProperty({
    type: NotificationSwitchesView,
    description: 'The notifications of one’s role, each on or off; essential mail is always sent',
  })
  notifications!: NotificationSwitchesView;
}
