import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { ShareDocumentDto, UploadDocumentDto } from './children.dto';
import { DocumentsService } from './documents.service';

const READERS = ['platform_admin', 'municipality_officer', 'case_manager', 'provider_admin', 'specialist', 'family', 'participant'] as const;

@ApiTags('children')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('children/:id/documents')
  @Roles(...READERS)
  list(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.documents.list(actor, id);
  }

  @Post('children/:id/documents')
  @Roles(...READERS)
  upload(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UploadDocumentDto) {
    return this.documents.upload(actor, id, dto);
  }

  @Get('documents/:id/content')
  @Roles(...READERS)
  async download(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Res() res: FastifyReply) {
    const { doc, bytes } = await this.documents.download(actor, id);
    void res
      .header('Content-Type', doc.contentType)
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
      .header('Cache-Control', 'no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .send(bytes);
  }

  @Post('documents/:id/shares')
  @Roles('platform_admin', 'case_manager', 'specialist', 'provider_admin', 'municipality_officer')
  share(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ShareDocumentDto) {
    return this.documents.share(actor, id, dto);
  }
}
