import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { z } from 'zod';
import { StaffClaims } from '@libs/common/auth/staff';
import { CurrentStaff, StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { LogIn } from './log-in.use-case';

const LoginBody = z.object({
  username: z.string({ error: '必须填写用户名' }).min(1, '必须填写用户名').max(64),
  password: z.string({ error: '必须填写密码' }).min(1, '必须填写密码').max(256),
});

@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly logIn: LogIn) {}

  @Post('login')
  @HttpCode(200)
  login(@Body(new ZodPipe(LoginBody)) body: z.infer<typeof LoginBody>) {
    return this.logIn.execute(body.username, body.password);
  }

  /** Who the token belongs to: lets a staff client check its token. */
  @Get('me')
  @StaffOnly()
  me(@CurrentStaff() staff: StaffClaims) {
    return staff;
  }
}
