import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController, ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';

export class BaselineDto {
  @ApiProperty() @IsUUID() clientScanId: string;
}

/** The table the baseline writes to; `npm run bench` creates it in its own database, never a migration. */
export const BASELINE_TABLE = 'bench_baseline';

/**
 * The scan benchmark's baseline: the same server, guard, validation and pool as `POST /api/visits/scan`,
 * and then exactly one INSERT. The scan's throughput is reported as a ratio to this one.
 */
@ApiExcludeController()
@Controller('bench')
export class BenchController {
  constructor(private readonly db: DataSource) {}

  @Post('baseline')
  @HttpCode(201)
  @Roles('specialist', 'provider_admin')
  async baseline(@CurrentActor() actor: Actor, @Body() dto: BaselineDto) {
    await this.db.query(`INSERT INTO ${BASELINE_TABLE} (client_scan_id, actor_user_id) VALUES ($1, $2)`, [dto.clientScanId, actor.userId]);
    return { ok: true };
  }
}
