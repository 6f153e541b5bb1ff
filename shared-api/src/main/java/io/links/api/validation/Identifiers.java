package io.links.api.validation;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Format checks for the telecom identifiers the API accepts.
 */
public final class Identifiers {

    private static final Pattern ICCID = Pattern.compile("\\d{18,22}");
    private static final Pattern IMEI = Pattern.compile("\\d{15}");
    private static final Pattern MSISDN = Pattern.compile("[1-9]\\d{6,14}");
    private static final Set<String> ALPHA3 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    private Identifiers() {
    }

    /** An ICCID: 18 to 22 digits, the last a Luhn check digit. */
    public static boolean isIccid(String value) {
        return value != null && ICCID.matcher(value).matches() && luhnValid(value);
    }

    /** An IMEI: 15 digits, the last a Luhn check digit. */
    public static boolean isImei(String value) {
        return value != null && IMEI.matcher(value).matches() && luhnValid(value);
    }

    /** An MSISDN in E.164 form without the plus sign: country code and number, 7 to 15 digits. */
    public static boolean isMsisdn(String value) {
        return value != null && MSISDN.matcher(value).matches();
    }

    /** An upper-case ISO 3166-1 alpha-3 country code. */
    public static boolean isCountry(String value) {
        return value != null && ALPHA3.contains(value);
    }

    /** {@code digits} followed by their Luhn check digit. */
    public static String withCheckDigit(String digits) {
        for (char check = '0'; check <= '9'; check++) {
            if (luhnValid(digits + check)) {
                return digits + check;
            }
        }
        throw new IllegalArgumentException("not digits: " + digits);
    }

    /** Whether the last digit of {@code digits} is the Luhn check digit of the others. */
    public static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
