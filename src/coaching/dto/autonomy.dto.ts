import { ApiProperty } from '@nestjs/swagger';
import { IsMonth } from '../../common/validators';

export class AutonomyQuery {
  @ApiProperty({ example: '2026-01', description: 'First month, included' })
  @IsMonth()
  readonly from!: string;

  @ApiProperty({ example: '2026-06', description: 'Last month, included; at most 120 months' })
  @IsMonth()
  readonly to!: string;
}

export class AutonomyMonthView {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty() requests!: number;
  @ApiProperty({ description: 'Requests never filed: an article answered them' })
  deflections!: number;
  @ApiProperty() falseUrgencies!: number;
  @ApiProperty({ description: 'Requests on a topic already answered for the client' })
  repeats!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'deflections / (deflections + requests), 0..1',
  })
  deflectionRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'falseUrgencies / requests' })
  falseUrgencyRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'repeats / requests' })
  repeatRate!: number | null;
  @ApiProperty({ description: 'Deflections times the minutes a request took on average' })
  minutesSaved!: number;
}

export class AutonomyView {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [AutonomyMonthView] }) months!: AutonomyMonthView[];
  @ApiProperty({ type: AutonomyMonthView, description: 'The whole period' })
  totals!: AutonomyMonthView;
}
