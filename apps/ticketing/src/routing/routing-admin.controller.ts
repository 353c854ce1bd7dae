import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { z } from 'zod';
import { StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { Categories } from './categories';
import { Routing } from './routing';
import { RoutingAdmin } from './routing-admin';

const DepartmentCode = z.string().regex(/^[0-9a-z-]{3,40}$/, '承办单位代码应为 3–40 位小写字母、数字或连字符');
const Region = z.string({ error: '请填写行政区划代码' }).regex(/^\d{6}$/, '行政区划代码应为 6 位数字');
const CategoryName = z.string().trim().min(1, '请填写分类名称').max(40, '分类名称不能超过 40 个字');

const DepartmentBody = z.object({
  name: z.string({ error: '请填写单位名称' }).trim().min(2, '请填写单位名称').max(100),
  regionCode: Region,
  parentCode: DepartmentCode.nullable().default(null),
  headUsername: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]{1,63}$/, '负责人账号格式不正确')
    .nullable()
    .default(null),
});
const NewDepartmentBody = DepartmentBody.extend({ code: DepartmentCode });

const RuleBody = z.object({
  category: CategoryName,
  regionCode: Region,
  departmentCode: DepartmentCode,
});
const RuleQuery = z.object({
  category: CategoryName.optional(),
  regionCode: Region.optional(),
  departmentCode: DepartmentCode.optional(),
});
const RuleId = z.coerce.number().int('规则编号应为正整数').min(1, '规则编号应为正整数').max(2_147_483_647);

const CategoryBody = z.object({
  parentName: CategoryName.nullable().default(null),
  concludeWithinWorkingDays: z
    .number({ error: '办结时限应为 1 到 60 之间的整数（工作日），或 null 表示沿用上级' })
    .int()
    .min(1)
    .max(60)
    .nullable()
    .default(null),
  position: z.number().int().min(0).max(10_000).optional(),
});

/**
 * Routing as data, for administrators: the category tree with its time limits, the departments, and the rules
 * (category × region → department). Every change applies to the next ticket, without a restart.
 */
@Controller('api/v1/admin')
@StaffOnly('admin')
export class RoutingAdminController {
  constructor(
    private readonly admin: RoutingAdmin,
    private readonly categories: Categories,
    private readonly routing: Routing,
  ) {}

  /** Every replica routes from a copy: after an edit, tell them all to reload (this one before answering). */
  private async changed<T>(result: T): Promise<T> {
    await this.routing.announceChange();
    return result;
  }

  @Get('categories')
  async categoryTree() {
    return { categories: await this.categories.tree() };
  }

  @Put('categories/:name')
  async saveCategory(
    @Param('name', new ZodPipe(CategoryName)) name: string,
    @Body(new ZodPipe(CategoryBody)) body: z.infer<typeof CategoryBody>,
  ) {
    return this.changed(await this.categories.save({ name, ...body }));
  }

  @Delete('categories/:name')
  @HttpCode(204)
  async removeCategory(@Param('name', new ZodPipe(CategoryName)) name: string) {
    return this.changed(await this.categories.remove(name));
  }

  @Get('departments')
  async departments() {
    return { departments: await this.admin.departments() };
  }

  @Post('departments')
  async createDepartment(@Body(new ZodPipe(NewDepartmentBody)) { code, ...fields }: z.infer<typeof NewDepartmentBody>) {
    return this.changed(await this.admin.createDepartment(code, fields));
  }

  @Put('departments/:code')
  async updateDepartment(
    @Param('code', new ZodPipe(DepartmentCode)) code: string,
    @Body(new ZodPipe(DepartmentBody)) body: z.infer<typeof DepartmentBody>,
  ) {
    return this.changed(await this.admin.updateDepartment(code, body));
  }

  @Delete('departments/:code')
  @HttpCode(204)
  async removeDepartment(@Param('code', new ZodPipe(DepartmentCode)) code: string) {
    return this.changed(await this.admin.removeDepartment(code));
  }

  @Get('routing-rules')
  async rules(@Query(new ZodPipe(RuleQuery)) query: z.infer<typeof RuleQuery>) {
    return { rules: await this.admin.rules(query) };
  }

  @Post('routing-rules')
  async createRule(@Body(new ZodPipe(RuleBody)) body: z.infer<typeof RuleBody>) {
    return this.changed(await this.admin.createRule(body));
  }

  @Put('routing-rules/:id')
  async updateRule(
    @Param('id', new ZodPipe(RuleId)) id: number,
    @Body(new ZodPipe(RuleBody)) body: z.infer<typeof RuleBody>,
  ) {
    return this.changed(await this.admin.updateRule(id, body));
  }

  @Delete('routing-rules/:id')
  @HttpCode(204)
  async removeRule(@Param('id', new ZodPipe(RuleId)) id: number) {
    return this.changed(await this.admin.removeRule(id));
  }
}
