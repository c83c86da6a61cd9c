local account = {balance = 10}
function account:withdraw(n)
  if n > self.balance then error("insufficient funds") end
  self.balance = self.balance - n
end
account:withdraw(5)
print(account.balance)
account.deposit(account, 1)
