using MeshAttributes.Core.Rules;
using Xunit;

namespace MeshAttributes.Core.Tests
{
    public class RetryConditionsTests
    {
        [Theory]
        [InlineData("5xx", true)]
        [InlineData("retriable-status-codes", true)]
        [InlineData("503", true)]
        [InlineData("599", false)]
        [InlineData("5XX", false)]
        [InlineData(" reset", false)]
        [InlineData("", false)]
        [InlineData("0503", false)]
        [InlineData("+503", false)]
        [InlineData("-1", false)]
        [InlineData("99999999999", false)]
        public void Tokens_are_checked_as_istio_splits_them(string token, bool valid) =>
            Assert.Equal(valid, RetryConditions.IsValidToken(token));

        [Theory]
        [InlineData("5xx,connect-failure")]
        [InlineData("503,504,gateway-error")]
        [InlineData("5xx,,reset")]
        [InlineData("5xx,")]
        [InlineData(",")]
        [InlineData("")]
        [InlineData("5xx, reset")]
        [InlineData("0503")]
        [InlineData("+503")]
        [InlineData("-1")]
        [InlineData("99999999999")]
        [InlineData("599,5xx")]
        [InlineData("reset-before-request,refused-stream")]
        [InlineData("reset-before")]
        [InlineData("5xx\u0000")]
        public void Checking_a_whole_list_agrees_with_checking_its_split_tokens(string retryOn) =>
            Assert.Equal(System.Array.TrueForAll(RetryConditions.Split(retryOn), RetryConditions.IsValidToken), RetryConditions.AreAllValid(retryOn));

        [Theory]
        [InlineData("5XX", "5xx")]
        [InlineData("conect-failure", "connect-failure")]
        [InlineData("connect_failure", "connect-failure")]
        [InlineData("gateway-errors", "gateway-error")]
        [InlineData("banana", null)]
        public void Closest_suggests_only_near_misses(string token, string? expected) =>
            Assert.Equal(expected, RetryConditions.Closest(token));

        [Theory]
        [InlineData("connect-failure,refused-stream,reset-before-request", true)]
        [InlineData("connect-failure,5xx", false)]
        [InlineData("reset", false)]
        public void Only_never_reached_the_app_conditions_are_safe_for_non_idempotent_requests(string retryOn, bool safe) =>
            Assert.Equal(safe, RetryConditions.IsSafeForNonIdempotent(retryOn));
    }
}
