#include "api/RetryPolicy.h"

#include <QTest>

using namespace std::chrono_literals;
using fc::ApiError;
using fc::RetryPolicy;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void decisions_data();
    void decisions();
    void backoffGrowsAndIsCapped();
    void retryAfterIsCapped();
};

static ApiError http(int status, int retryAfter = -1)
{
    ApiError e;
    e.kind = ApiError::Kind::Http;
    e.httpStatus = status;
    e.retryAfterSeconds = retryAfter;
    return e;
}

static ApiError ofKind(ApiError::Kind kind)
{
    ApiError e;
    e.kind = kind;
    return e;
}

void TestRetryPolicy::decisions_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<bool>("idempotent");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<bool>("retried");

    QTest::newRow("429 resubmit") << http(429, 2) << false << 1 << true; // not processed: safe
    QTest::newRow("429 get") << http(429) << true << 1 << true;
    QTest::newRow("429 too often") << http(429, 1) << true << 9 << false;
    QTest::newRow("503 get") << http(503, 1) << true << 1 << true;
    QTest::newRow("503 resubmit") << http(503, 1) << false << 1 << false; // may have been processed
    QTest::newRow("500 get") << http(500) << true << 1 << true;
    QTest::newRow("500 get 4th") << http(500) << true << 4 << false;
    QTest::newRow("500 create") << http(500) << false << 1 << false;
    QTest::newRow("502 cancel") << http(502) << true << 2 << true;
    QTest::newRow("404") << http(404) << true << 1 << false;
    QTest::newRow("400") << http(400) << true << 1 << false;
    QTest::newRow("409") << http(409) << true << 1 << false;
    QTest::newRow("network get") << ofKind(ApiError::Kind::Network) << true << 1 << true;
    QTest::newRow("network resubmit") << ofKind(ApiError::Kind::Network) << false << 1 << false;
    QTest::newRow("timeout get") << ofKind(ApiError::Kind::Timeout) << true << 3 << true;
    QTest::newRow("timeout resubmit") << ofKind(ApiError::Kind::Timeout) << false << 1 << false;
    QTest::newRow("parse") << ofKind(ApiError::Kind::Parse) << true << 1 << false;
    QTest::newRow("refused") << ofKind(ApiError::Kind::Refused) << true << 1 << false;
    QTest::newRow("cancelled") << ofKind(ApiError::Kind::Cancelled) << true << 1 << false;
}

void TestRetryPolicy::decisions()
{
    QFETCH(ApiError, error);
    QFETCH(bool, idempotent);
    QFETCH(int, attempt);
    QFETCH(bool, retried);
    const RetryPolicy policy;
    QCOMPARE(policy.retryDelay(error, idempotent, attempt, 0.5).has_value(), retried);
}

void TestRetryPolicy::backoffGrowsAndIsCapped()
{
    RetryPolicy policy;
    policy.maxTransientRetries = 20;
    const auto first = policy.retryDelay(http(500), true, 1, 0.999);
    const auto second = policy.retryDelay(http(500), true, 2, 0.999);
    const auto late = policy.retryDelay(http(500), true, 15, 0.999);
    QVERIFY(first && second && late);
    QVERIFY(*second > *first);
    QVERIFY(*late <= policy.maxBackoff);
    // Jitter stays within half to all of the exponential step.
    const auto low = policy.retryDelay(http(500), true, 3, 0.0);
    const auto high = policy.retryDelay(http(500), true, 3, 0.999);
    QVERIFY(low && high);
    QCOMPARE(low->count(), (policy.baseBackoff * 4 / 2).count());
    QVERIFY(*high <= policy.baseBackoff * 4);
}

void TestRetryPolicy::retryAfterIsCapped()
{
    const RetryPolicy policy;
    const auto wait = policy.retryDelay(http(429, 2), true, 1, 0.0);
    QVERIFY(wait);
    QCOMPARE(wait->count(), 2000);
    const auto huge = policy.retryDelay(http(429, 86400), true, 1, 0.0);
    QVERIFY(huge);
    QVERIFY(*huge >= policy.maxRetryAfter && *huge <= policy.maxRetryAfter + std::chrono::milliseconds(250));
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retry_policy.moc"
