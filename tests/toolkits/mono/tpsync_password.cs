// TimePunch's password scheme, shared by both TimePunch callers: the upper-case hex MD5 of the password.
using System;
using System.Security.Cryptography;
using System.Text;

static class TimePunchPassword {
  public static string Hash(string password) {
    return BitConverter.ToString(MD5.Create().ComputeHash(Encoding.UTF8.GetBytes(password))).Replace("-", "");
  }
}
