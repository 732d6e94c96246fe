"""Credit-repair applications (信用修复申请) made online by debtors, reviewed by the court."""
