namespace AiMastering.Accounts;

/// <summary>The two roles: every account is a <c>user</c>; <c>admin</c> may see and manage every job.</summary>
public static class Roles
{
    public const string User = "user";
    public const string Admin = "admin";
}
