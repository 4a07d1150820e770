import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiErrorResponses } from '../common/openapi';
import { NotificationSettingsView, UpdateNotificationsDto } from './dto/notifications.dto';
import { NotificationSettings } from './notification-settings.service';

/** The signed-in person's own settings. */
@ApiTags('me')
@ApiBearerAuth()
@ApiErrorResponses()
@Roles('consultant', 'client', 'accountant')
@Controller('me')
export class MeController {
  constructor(private readonly settings: NotificationSettings) {}

  @Get('notifications')
  @ApiOperation({
    summary: 'The notifications of one’s role, each on or off, and the language of one’s mail',
  })
  @ApiOkResponse({ type: NotificationSettingsView })
  notifications(@CurrentUser() viewer: AuthUser): Promise<NotificationSettingsView> {
    return this.settings.get(viewer);
  }

  @Put('notifications')
  @ApiOperation({
    summary:
      'Turn notifications on or off and choose the language of one’s mail; essential mail (invitation, password reset, invoices, reminders) is always sent',
  })
  @ApiOkResponse({ type: NotificationSettingsView })
  update(
    @CurrentUser() viewer: AuthUser,
    @Body() dto: UpdateNotificationsDto,
  ): Promise<NotificationSettingsView> {
    return this.settings.update(viewer, dto);
  }
}
