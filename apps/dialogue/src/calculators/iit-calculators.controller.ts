import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { Clock } from '@libs/common/time/clock';
import { compareBonusTaxation, taxBonusSeparately } from './annual-bonus';
import { annualTax } from './annual-settlement';
import { withholdSameEveryMonth } from './cumulative-withholding';
import {
  annualAnswer,
  bonusComparisonAnswer,
  separateBonusAnswer,
  simulationAnswer,
  withholdingAnswer,
} from './iit-answers';
import {
  AnnualRequest,
  BonusComparisonRequest,
  BonusRequest,
  SimulationRequest,
  WithholdingRequest,
} from './iit-requests';
import { simulateDeductions } from './policy-simulation';
import { taxYearAt } from './tax-year';

/**
 * 个人所得税 calculators for other systems and the assistant: pure computations, so each answer is 200 with no state;
 * a malformed body is 400 with the field and what is wrong, a rule that rules the case out (a bonus after the
 * separate-taxation policy ends, 婴幼儿照护 before 2022) is 422 with the reason.
 */
@Controller('api/v1/calculators/iit')
export class IitCalculatorsController {
  constructor(private readonly clock: Clock) {}

  @Post('withholding')
  @HttpCode(200)
  withholding(@Body(new ZodPipe(WithholdingRequest)) body: WithholdingRequest) {
    const { months, monthlyIncome, ...deductions } = body;
    return withholdingAnswer(withholdSameEveryMonth({ income: monthlyIncome, ...deductions }, months));
  }

  @Post('bonus')
  @HttpCode(200)
  bonus(@Body(new ZodPipe(BonusRequest)) body: BonusRequest) {
    return separateBonusAnswer(taxBonusSeparately(body.bonus, body.taxYear ?? this.thisTaxYear()));
  }

  @Post('bonus-comparison')
  @HttpCode(200)
  bonusComparison(@Body(new ZodPipe(BonusComparisonRequest)) body: BonusComparisonRequest) {
    const restOfYear = {
      income: body.annualIncome,
      specialDeduction: body.annualSpecialDeduction,
      specialAdditionalDeduction: body.annualSpecialAdditionalDeduction,
      otherDeduction: body.annualOtherDeduction,
    };
    return bonusComparisonAnswer(compareBonusTaxation(body.bonus, restOfYear, body.taxYear ?? this.thisTaxYear()));
  }

  @Post('annual')
  @HttpCode(200)
  annual(@Body(new ZodPipe(AnnualRequest)) body: AnnualRequest) {
    return annualAnswer(annualTax(body.annualTaxableIncome));
  }

  @Post('simulation')
  @HttpCode(200)
  simulation(@Body(new ZodPipe(SimulationRequest)) body: SimulationRequest) {
    const { parentsAged60OrOver, ...facts } = body;
    return simulationAnswer(
      simulateDeductions({ ...facts, parents: parentsAged60OrOver, taxYear: body.taxYear ?? this.thisTaxYear() }),
    );
  }

  private thisTaxYear(): number {
    return taxYearAt(this.clock.now());
  }
}
