import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { PrivacyService } from './privacy.service';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('children/:id')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  /** Who looked at the child's record: for the family, the young person, and those who work on the case. */
  @Get('access-log')
  @Roles('family', 'participant', 'case_manager', 'municipality_officer', 'platform_admin')
  accessLog(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.privacy.accessLog(actor, id);
  }

  /** All data held about the child, as one JSON download. */
  @Get('data-export')
  @Roles('family', 'participant', 'platform_admin')
  @Header('Content-Disposition', 'attachment; filename="lidz-vertigs-dati.json"')
  @Header('Cache-Control', 'no-store')
  exportData(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.privacy.exportChildData(actor, id);
  }
}
