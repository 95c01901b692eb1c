#pragma once

#include "api/Types.h"
#include "ops/BulkTypes.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace fc {

class ApiClient;
class RunCollector;

// Finds the runs a sweep applies to and asks before anything is sent: every Running and Waiting
// run of some flows (to cancel them), or their Failed runs that started in a time range (to
// resubmit them). The count per flow is shown first — a dry run — and the button that confirms
// names the number. Confirming emits confirmed() with one bulk item per run found; nothing here
// sends a change.
class RunSweepDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { CancelRunning, ResubmitFailed };
    enum Range { LastHour, Last24Hours, Last7Days, Last28Days, CustomRange };

    RunSweepDialog(ApiClient *client, Mode mode, QList<Flow> flows, QWidget *parent = nullptr);
    ~RunSweepDialog() override;

    Mode mode() const { return m_mode; }
    void setRange(Range range);
    // A custom range of start times, [fromMs, toMs).
    void setCustomRange(qint64 fromMs, qint64 toMs);
    bool isCounting() const { return m_collector != nullptr; }
    int matchingRuns() const { return static_cast<int>(m_found.size()); }
    // Runs found per flow, by the flow's name.
    int matchingRuns(const QString &flow) const;

signals:
    void counted(int runs); // a dry run is done
    void confirmed(const QString &title, const QList<fc::BulkItem> &items);

private:
    void recount();
    void scheduleRecount();
    void onCollected();
    void fillCounts(bool done);
    QString operationTitle() const;
    void confirm();

    QPointer<ApiClient> m_client;
    Mode m_mode;
    QList<Flow> m_flows;
    QComboBox *m_range = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QTreeWidget *m_counts;
    QLabel *m_status;
    QPushButton *m_ok;
    QTimer *m_debounce;
    RunCollector *m_collector = nullptr;
    QList<BulkItem> m_found;
};

} // namespace fc
