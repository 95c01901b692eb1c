#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QSpinBox;

namespace fc {

class RunStore;

// File → Stored run history…: where the runs this account has loaded are kept, how much room
// they take, the size limit (applied at once and at every sign-in), and "Clear stored history".
class RunHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kDefaultLimitMb = 1024;
    static int limitMb(); // the saved limit (QSettings runStore/limitMb)

    explicit RunHistoryDialog(RunStore *store, QWidget *parent = nullptr);

signals:
    void cleared();

private:
    void refresh();

    RunStore *m_store;
    QLabel *m_summary;
    QSpinBox *m_limit;
    QPushButton *m_clear;
};

} // namespace fc
