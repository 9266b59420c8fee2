namespace CowHealth.Gateway.HerdApp.SignIn;

/// <summary>The sign-in form: an API key from <c>Gateway:ApiKeys</c>.</summary>
public sealed class SignInForm
{
    public string? Key { get; set; }
}
