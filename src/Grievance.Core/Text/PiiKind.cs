namespace Grievance.Text;

/// <summary>The kinds of personal data <see cref="PiiScanner"/> finds.</summary>
public enum PiiKind
{
    /// <summary>An Indian mobile number: ten digits starting with 6–9, optionally after <c>+91</c>, <c>91</c> or <c>0</c>.</summary>
    MobileNumber,

    /// <summary>An Aadhaar number: twelve digits, the first 2–9, with a valid Verhoeff check digit.</summary>
    AadhaarNumber,

    /// <summary>An e-mail address.</summary>
    EmailAddress,

    /// <summary>A permanent account number (PAN) of the Income Tax Department: five letters, four digits, one letter.</summary>
    PermanentAccountNumber,
}
