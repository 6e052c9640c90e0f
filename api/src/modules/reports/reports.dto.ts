import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DECISION_KINDS, FUNDING_SOURCES, SERVICE_CATEGORIES } from '@lidz/libs';
import { AGE_BANDS } from './reports.rules';

export const GROUP_BY = ['municipality', 'fundingSource', 'category', 'ageBand', 'decisionKind'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export const FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof FORMATS)[number];

/** The filters every report takes. Months are `YYYY-MM`; the period defaults to the last 12 months. */
export class ReportQueryDto {
  @ApiPropertyOptional({ example: '2026-01' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/) from?: string;
  @ApiPropertyOptional({ example: '2026-12' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/) to?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) municipality?: string;
  @ApiPropertyOptional({ enum: FUNDING_SOURCES }) @IsOptional() @IsIn(FUNDING_SOURCES) fundingSource?: string;
  @ApiPropertyOptional({ enum: SERVICE_CATEGORIES }) @IsOptional() @IsIn(SERVICE_CATEGORIES) category?: string;
  @ApiPropertyOptional({ enum: AGE_BANDS }) @IsOptional() @IsIn(AGE_BANDS) ageBand?: string;
  @ApiPropertyOptional({ enum: DECISION_KINDS }) @IsOptional() @IsIn(DECISION_KINDS) decisionKind?: string;
  @ApiPropertyOptional({ enum: GROUP_BY }) @IsOptional() @IsIn(GROUP_BY) groupBy?: string;
  @ApiPropertyOptional({ enum: FORMATS }) @IsOptional() @IsIn(FORMATS) format?: string;
}

export class RefreshDto {
  @ApiPropertyOptional({ example: '2026-01', description: 'rebuild from this month; all months when absent' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  fromMonth?: string;
}
